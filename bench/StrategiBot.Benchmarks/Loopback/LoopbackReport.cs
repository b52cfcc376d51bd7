using System.Globalization;
using System.Text;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>Everything measured for one bot at one concurrency level, summed over its blocks.</summary>
internal sealed class LevelResult(string bot, int concurrency)
{
    private readonly List<TurnSample> _samples = [];

    public string Bot { get; } = bot;
    public int Concurrency { get; } = concurrency;
    public int Errors { get; private set; }
    public string? FirstError { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public int Messages => _samples.Count;

    public void Add(BlockResult block)
    {
        _samples.AddRange(block.Samples);
        Errors += block.Errors;
        FirstError ??= block.FirstError;
        Elapsed += block.Elapsed;
    }

    public Percentiles Reply => Percentiles.Of(_samples.Select(s => s.Reply));
    public Percentiles Ack => Percentiles.Of(_samples.Select(s => s.Ack));

    /// <summary>Completed turns per second of time spent sending to this bot.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : 0;
}

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN)
            : new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: always a latency that was actually observed.
    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The context a reader needs to judge the numbers: machine, runtimes, how it was run.</summary>
internal sealed record RunContext(
    DateTimeOffset Started,
    string Command,
    string Machine,
    string Runtimes,
    string LoadBefore,
    string LoadAfter,
    LoopbackOptions Options,
    long UnexpectedConnectorCalls);

internal static class LoopbackReport
{
    public static string ToMarkdown(RunContext run, IReadOnlyList<LevelResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = run.Options;
        var md = new StringBuilder();
        md.AppendLine("# Loopback turn latency");
        md.AppendLine();
        md.AppendLine(inv, $"- Date: {run.Started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(inv, $"- Machine: {run.Machine}");
        md.AppendLine(inv, $"- Runtimes: {run.Runtimes}");
        md.AppendLine(inv, $"- Load average (1/5/15 min) before: {run.LoadBefore}; after: {run.LoadAfter}");
        md.AppendLine(inv, $"- Command: `{run.Command}`");
        md.AppendLine(inv, $"- Message text: \"{o.Text}\"; {o.Messages} timed messages per bot and level after {o.Warmup} untimed, "
            + $"in {o.Blocks} blocks alternating the bots (ABBA…); closed loop: each sender waits for the reply before its next message.");
        md.AppendLine("- Reply latency: from sending POST /api/messages to the bot's `message` reply fully received by the fake connector. "
            + "Ack: from the same send to the bot's HTTP response. Throughput: completed turns per second while sending to that bot.");
        if (run.UnexpectedConnectorCalls > 0)
        {
            md.AppendLine(inv, $"- Connector calls not matched to a waiting message (typing, extra replies, late replies): {run.UnexpectedConnectorCalls}");
        }
        md.AppendLine();
        md.AppendLine("| Bot | Concurrency | Messages | Errors | Reply p50 (ms) | Reply p95 (ms) | Reply p99 (ms) | Ack p50 (ms) | Ack p99 (ms) | Throughput (msg/s) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var reply = r.Reply;
            var ack = r.Ack;
            md.AppendLine(inv,
                $"| {BotKinds.Label(r.Bot)} | {r.Concurrency} | {r.Messages} | {r.Errors} | {Ms(reply.P50)} | {Ms(reply.P95)} | {Ms(reply.P99)} | {Ms(ack.P50)} | {Ms(ack.P99)} | {r.Throughput.ToString("0", inv)} |");
        }
        var failures = results.Where(r => r.FirstError is not null).ToArray();
        if (failures.Length > 0)
        {
            md.AppendLine();
            foreach (var r in failures)
            {
                md.AppendLine(inv, $"- First error, {BotKinds.Label(r.Bot)} at concurrency {r.Concurrency}: {r.FirstError}");
            }
        }
        return md.ToString();
    }

    private static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
