using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategiBot.Tests.EndToEnd;

/// <summary>What a node script did: its exit code, its output, and whether it had to be killed.</summary>
public sealed record NodeResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>
    /// The scripts print their result as one JSON line on stdout; the last line that parses wins, so
    /// stray output from a dependency cannot hide it.
    /// </summary>
    public JsonElement? LastJsonLine()
    {
        foreach (var line in StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            if (!line.StartsWith('{') && !line.StartsWith('['))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not the result line; keep looking.
            }
        }
        return null;
    }

    /// <summary>Everything needed to diagnose a failure from the test output alone.</summary>
    public string Describe() =>
        $"exit code {ExitCode}{(TimedOut ? " (killed after timeout)" : "")}, {Elapsed.TotalSeconds:0.0} s\n" +
        $"--- stdout ---\n{Tail(StandardOutput)}\n--- stderr ---\n{Tail(StandardError)}";

    private static string Tail(string text, int max = 8000) =>
        text.Length <= max ? text : "…" + text[^max..];
}

/// <summary>
/// Runs the Node scripts under tests/e2e from tests: finds the repository, checks that the npm packages are
/// installed (failing with the command that installs them, never skipping), and bounds every run.
/// </summary>
public static class NodeScript
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The folder holding StrategiBot.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>tests/e2e, the npm project the scripts live in.</summary>
    public static string E2eDirectory => Path.Combine(RepoRoot, "tests", "e2e");

    /// <summary>
    /// A path under TestResults/e2e at the repository root (ignored by git) for files a person or CI should be
    /// able to open after the run: screenshots, the activities an oracle judged. The folder is created.
    /// </summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(RepoRoot, "TestResults", "e2e");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    /// <summary>Fails the test, saying how to install them, unless these npm packages are in tests/e2e/node_modules.</summary>
    public static void RequirePackages(params string[] packages)
    {
        var missing = packages.Where(p => !Directory.Exists(Path.Combine(E2eDirectory, "node_modules", p))).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"npm packages missing in {E2eDirectory}/node_modules: {string.Join(", ", missing)}. " +
                        "Install them from the repository root with: npm ci --prefix tests/e2e");
        }
    }

    /// <summary>Fails the test unless a file the scripts need (a browser, say) exists.</summary>
    public static void RequireFile(string path, string installHint)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing. Install it with: {installHint}");
        }
    }

    /// <summary>
    /// Runs a reference script over a batch of JSON documents written to <paramref name="fileName"/> under
    /// TestResults/e2e (kept there so a rejected document can be read after the run) and returns its verdict,
    /// the last JSON line with a <c>results</c> array. Exit 1 means "some document failed", which the caller
    /// reports per document; anything else is a broken run and fails here.
    /// </summary>
    public static async Task<JsonElement> JudgeAsync(string script, IEnumerable<JsonNode> documents, string fileName, TimeSpan timeout, bool indented = true)
    {
        var file = ArtifactPath(fileName);
        await File.WriteAllTextAsync(file, new JsonArray([.. documents.Select(d => d.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = indented }));

        var result = await RunAsync(script, [file], timeout);

        Assert.True(!result.TimedOut && result.ExitCode is 0 or 1, $"{script} did not run: {result.Describe()}");
        var verdict = result.LastJsonLine();
        Assert.True(verdict is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("results", out _), $"No verdict from {script}: {result.Describe()}");
        return verdict!.Value;
    }

    /// <summary>
    /// Runs <c>node tests/e2e/{script} {arguments}</c> with tests/e2e as working directory. On timeout the
    /// whole process tree (browsers included) is killed and the result says so.
    /// </summary>
    public static async Task<NodeResult> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = E2eDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(E2eDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"Cannot start node ({ex.Message}). Install Node.js 20 or later (apt-get install nodejs npm).");
        }
        // The scripts take no input; a closed stdin makes any accidental prompt end instead of hang.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        // A grandchild that outlived node (a browser) could hold the pipes open; never wait on it for long.
        try
        {
            await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Report what was captured; the caller sees "(… not closed)" below.
        }
        var output = stdout.IsCompletedSuccessfully ? stdout.Result : "(stdout not closed)";
        var error = stderr.IsCompletedSuccessfully ? stderr.Result : "(stderr not closed)";
        return new NodeResult(process.ExitCode, output, error, clock.Elapsed, timedOut);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategiBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No StrategiBot.sln above {AppContext.BaseDirectory}; the end-to-end tests run from a checkout of the repository.");
    }
}
