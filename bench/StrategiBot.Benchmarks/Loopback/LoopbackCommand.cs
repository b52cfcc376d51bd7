using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>
/// The loopback driver: starts the fake connector and both bots, measures whole turns against each in
/// the same run, prints a Markdown table and writes it to bench/results. A benchmark, never a test:
/// it asserts nothing about speed.
/// </summary>
internal static class LoopbackCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoopbackOptions options;
        try
        {
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine(LoopbackOptions.Usage);
                return 0;
            }
            options = LoopbackOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(LoopbackOptions.Usage);
            return 2;
        }

        using var run = new CancellationTokenSource(options.RunTimeout);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Let the finally blocks stop the bots rather than dying with them still running.
            e.Cancel = true;
            run.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(options, args, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Stopped: the run exceeded {options.RunTimeout} or was cancelled.");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(LoopbackOptions options, string[] args, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var dll = Path.GetFullPath(options.StrategiBotDll ?? Path.Combine(root, "src", "StrategiBot", "bin", "Release", "net10.0", "StrategiBot.dll"));
        var botJs = Path.GetFullPath(options.JsBot ?? Path.Combine(root, "bench", "js-reference", "bot.js"));
        var output = Path.GetFullPath(options.Output ?? Path.Combine(root, "bench", "results", "loopback.md"));
        CheckPrerequisites(options, dll, botJs);

        var context = new RunContext(
            DateTimeOffset.UtcNow,
            "dotnet run -c Release --project bench/StrategiBot.Benchmarks -- loopback" + string.Concat(args.Select(a => " " + Quote(a))),
            DescribeMachine(),
            await DescribeRuntimesAsync(options, botJs, cancellationToken),
            LoadAverage(),
            LoadAfter: string.Empty,
            options,
            UnexpectedConnectorCalls: 0);

        using var http = new HttpClient(new SocketsHttpHandler
        {
            // Loopback only: a proxy from the environment must never see benchmark traffic.
            UseProxy = false,
            MaxConnectionsPerServer = 128,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = options.ReplyTimeout + TimeSpan.FromSeconds(5),
        };

        await using var connector = await FakeConnector.StartAsync(cancellationToken);
        Console.Error.WriteLine($"Fake connector at {connector.ServiceUrl}");

        var bots = new List<BotProcess>();
        try
        {
            foreach (var kind in options.Bots)
            {
                var bot = kind == BotKinds.StrategiBot
                    ? await BotProcess.StartStrategiBotAsync(dll, http, options.StartupTimeout, cancellationToken)
                    : await BotProcess.StartJsReferenceAsync(botJs, http, options.StartupTimeout, cancellationToken);
                bots.Add(bot);
                Console.Error.WriteLine($"{BotKinds.Label(kind)} listening at {bot.MessagesUrl}");
            }

            var runner = new LoadRunner(http, connector, options);
            var results = new List<LevelResult>();
            foreach (var concurrency in options.Concurrency)
            {
                var levels = bots.ToDictionary(b => b, b => new LevelResult(b.Kind, concurrency));
                foreach (var bot in bots)
                {
                    if (options.Warmup > 0)
                    {
                        var warm = await runner.RunBlockAsync(bot, concurrency, options.Warmup, $"c{concurrency}-warm", cancellationToken);
                        if (warm.Errors > 0)
                        {
                            throw new InvalidOperationException(
                                $"{BotKinds.Label(bot.Kind)} failed {warm.Errors} warm-up messages; first: {warm.FirstError}. Last output:{Environment.NewLine}{bot.OutputTail}");
                        }
                    }
                }

                for (var block = 0; block < options.Blocks; block++)
                {
                    var size = options.Messages / options.Blocks + (block < options.Messages % options.Blocks ? 1 : 0);
                    // ABBA: the bot that went second goes first next time, so neither always follows a warm cache.
                    var order = block % 2 == 0 ? bots : Enumerable.Reverse(bots);
                    foreach (var bot in order)
                    {
                        var result = await runner.RunBlockAsync(bot, concurrency, size, $"c{concurrency}-b{block}", cancellationToken);
                        levels[bot].Add(result);
                        Console.Error.WriteLine(
                            $"  {bot.Kind,-12} c={concurrency} block {block + 1}/{options.Blocks}: {result.Samples.Count} ok, {result.Errors} errors, {result.Elapsed.TotalSeconds:0.0} s");
                    }
                }
                results.AddRange(bots.Select(b => levels[b]));
            }

            var markdown = LoopbackReport.ToMarkdown(
                context with { LoadAfter = LoadAverage(), UnexpectedConnectorCalls = connector.UnexpectedCount }, results);
            Console.WriteLine(markdown);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, markdown, cancellationToken);
            Console.Error.WriteLine($"Written to {output}");
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    private static void CheckPrerequisites(LoopbackOptions options, string dll, string botJs)
    {
        if (options.Bots.Contains(BotKinds.StrategiBot) && !File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing; build it with: dotnet build -c Release src/StrategiBot");
        }
        if (options.Bots.Contains(BotKinds.JsReference))
        {
            if (!File.Exists(botJs))
            {
                throw new FileNotFoundException($"{botJs} is missing.");
            }
            if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(botJs)!, "node_modules", "botbuilder")))
            {
                throw new FileNotFoundException(
                    $"botbuilder is not installed beside {botJs}; run: npm ci --prefix {Path.GetDirectoryName(botJs)}");
            }
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StrategiBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run from inside the StrategiBot repository (StrategiBot.sln not found above the current directory).");
    }

    private static string DescribeMachine()
    {
        var cpu = ReadProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memKb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB RAM"
            : "RAM unknown";
        return $"{Environment.ProcessorCount} logical cores ({cpu}), {memory}, {RuntimeInformation.OSDescription}";
    }

    private static async Task<string> DescribeRuntimesAsync(LoopbackOptions options, string botJs, CancellationToken cancellationToken)
    {
        var parts = new List<string> { $"{RuntimeInformation.FrameworkDescription} (driver and StrategiBot)" };
        if (options.Bots.Contains(BotKinds.JsReference))
        {
            var node = await CaptureAsync("node", "--version", cancellationToken);
            var botbuilder = PackageVersion(Path.Combine(Path.GetDirectoryName(botJs)!, "node_modules", "botbuilder", "package.json"));
            var express = PackageVersion(Path.Combine(Path.GetDirectoryName(botJs)!, "node_modules", "express", "package.json"));
            parts.Add($"Node.js {node} with botbuilder {botbuilder} and express {express}");
        }
        return string.Join("; ", parts);
    }

    private static string PackageVersion(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
            return document.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return "?";
        }
    }

    private static async Task<string> CaptureAsync(string fileName, string argument, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, argument)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var text = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return text.Trim();
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? ReadProcField(string path, string name)
    {
        try
        {
            return File.ReadLines(path)
                .Where(l => l.StartsWith(name, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '/' or ':' or '=')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
