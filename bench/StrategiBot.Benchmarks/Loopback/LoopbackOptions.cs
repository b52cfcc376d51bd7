using System.Globalization;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>What one loopback run does; every count and wait is bounded so a run always ends.</summary>
internal sealed record LoopbackOptions
{
    public int Messages { get; init; } = 2000;
    public int Warmup { get; init; } = 200;
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8];

    /// <summary>Blocks per bot and level, run in ABBA order so drift on a shared machine hits both bots alike.</summary>
    public int Blocks { get; init; } = 4;

    public string Text { get; init; } = "hei";
    public IReadOnlyList<string> Bots { get; init; } = [BotKinds.StrategiBot, BotKinds.JsReference];
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>A level stops early after this many failed messages: the numbers would mean nothing.</summary>
    public int MaxErrors { get; init; } = 20;

    public string? Output { get; init; }
    public string? StrategiBotDll { get; init; }
    public string? JsBot { get; init; }

    public const string Usage = """
        loopback [options]   Turn latency of StrategiBot and the JS SDK CloudAdapter, all on 127.0.0.1.
          --messages N         timed messages per bot and concurrency level (default 2000, max 100000)
          --warmup N           untimed messages per bot and level first (default 200)
          --concurrency 1,8    closed-loop senders per level (default 1,8; each max 64)
          --blocks N           split each level into N blocks, bots alternating ABBA (default 4)
          --text TEXT          message text (default "hei")
          --bots LIST          strategibot,js (default both)
          --reply-timeout S    seconds to wait for one reply (default 30)
          --run-timeout M      minutes for the whole run (default 20)
          --out PATH           Markdown results (default bench/results/loopback.md)
          --strategibot PATH   StrategiBot.dll (default src/StrategiBot/bin/Release/net10.0/StrategiBot.dll)
          --js-bot PATH        bot.js (default bench/js-reference/bot.js)
        """;

    public static LoopbackOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoopbackOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--messages" => options with { Messages = Int(Value(), 1, 100_000, name) },
                "--warmup" => options with { Warmup = Int(Value(), 0, 10_000, name) },
                "--concurrency" => options with
                {
                    Concurrency = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => Int(v, 1, 64, name)).ToArray(),
                },
                "--blocks" => options with { Blocks = Int(Value(), 1, 100, name) },
                "--text" => options with { Text = Value() },
                "--bots" => options with
                {
                    Bots = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(BotKinds.Normalize).Distinct().ToArray(),
                },
                "--reply-timeout" => options with { ReplyTimeout = TimeSpan.FromSeconds(Int(Value(), 1, 600, name)) },
                "--run-timeout" => options with { RunTimeout = TimeSpan.FromMinutes(Int(Value(), 1, 120, name)) },
                "--out" => options with { Output = Value() },
                "--strategibot" => options with { StrategiBotDll = Value() },
                "--js-bot" => options with { JsBot = Value() },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }
        if (options.Concurrency.Count == 0 || options.Bots.Count == 0)
        {
            throw new ArgumentException("--concurrency and --bots need at least one value.");
        }
        if (options.Blocks > options.Messages)
        {
            throw new ArgumentException("--blocks cannot exceed --messages.");
        }
        return options;
    }

    private static int Int(string text, int min, int max, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}, not '{text}'.");
}

/// <summary>The bots a run can compare.</summary>
internal static class BotKinds
{
    public const string StrategiBot = "strategibot";
    public const string JsReference = "js";

    public static string Normalize(string name) => name.ToLowerInvariant() switch
    {
        "strategibot" or "ours" or "dotnet" => StrategiBot,
        "js" or "node" or "cloudadapter" => JsReference,
        _ => throw new ArgumentException($"Unknown bot '{name}'; use strategibot or js."),
    };

    public static string Label(string kind) => kind == StrategiBot
        ? "StrategiBot (.NET)"
        : "JS SDK CloudAdapter (botbuilder 4.23.3)";
}
