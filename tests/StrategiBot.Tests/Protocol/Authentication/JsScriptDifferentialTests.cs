using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using StrategiBot.Protocol.Authentication;

namespace StrategiBot.Tests.Protocol.Authentication;

/// <summary>
/// Sends every case of <see cref="ChannelTokenMatrix"/>, with the very same tokens, through our validator and through
/// the official Bot Framework JS validator (npm botframework-connector 4.23.3, via tests/e2e/jwt-oracle.js), and
/// checks both verdicts. Where the JS SDK knowingly differs the matrix says so row by row, so the test also fails
/// when such a difference disappears.
/// </summary>
public sealed class JsScriptDifferentialTests(ChannelMetadataServer server, ITestOutputHelper output) : IClassFixture<ChannelMetadataServer>
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Official_js_validator_agrees_except_for_the_documented_differences()
    {
        var e2e = Path.Combine(RepositoryRoot(), "tests", "e2e");
        Assert.True(
            Directory.Exists(Path.Combine(e2e, "node_modules", "botframework-connector")),
            "tests/e2e/node_modules is missing or incomplete: run `npm ci --prefix tests/e2e` in the repository root, then run the tests again.");
        var node = FindOnPath("node");
        Assert.True(node is not null, "node is not on PATH: install Node.js 20 or later (Debian: apt-get install nodejs npm).");

        var now = DateTimeOffset.UtcNow;
        var prepared = ChannelTokenMatrix.Cases.Select(testCase => ChannelTokenMatrix.Prepare(testCase, server, now)).ToList();
        var ours = new Dictionary<string, ChannelAuthenticationResult>();
        foreach (var request in prepared)
        {
            ours[request.Case.Name] = await ChannelTokenMatrix.RunOursAsync(request, server);
        }

        // Only now, so that the JS run starts with the same key set as ours did and replays the rotation itself.
        var js = await RunOracleAsync(node, e2e, prepared);

        Assert.Equal(prepared.Select(request => request.Case.Name), js.Select(verdict => verdict.Name));
        var problems = new List<string>();
        foreach (var (request, verdict) in prepared.Zip(js))
        {
            var testCase = request.Case;
            var our = ours[testCase.Name];
            output.WriteLine($"{testCase.Name}: ours {Describe(our.IsAuthenticated, our.FailureReason)}; JS {Describe(verdict.Accepted, verdict.Error)}");
            if (our.IsAuthenticated != testCase.OursAccepts)
            {
                problems.Add($"'{testCase.Name}': ours {Describe(our.IsAuthenticated, our.FailureReason)}, expected {Describe(testCase.OursAccepts)}");
            }

            if (verdict.Accepted != testCase.JsAccepts)
            {
                var note = testCase.IsKnownDifference
                    ? " - a documented difference no longer holds; check the JS SDK and update the matrix"
                    : " - the JS SDK no longer agrees with us";
                problems.Add($"'{testCase.Name}': JS {Describe(verdict.Accepted, verdict.Error)}, expected {Describe(testCase.JsAccepts)}{note}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<IReadOnlyList<JsVerdict>> RunOracleAsync(string node, string e2e, IReadOnlyList<PreparedCase> prepared)
    {
        var casesFile = Path.Combine(Path.GetTempPath(), $"strategibot-jwt-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(casesFile, CaseFile(prepared).ToJsonString());
        try
        {
            var start = new ProcessStartInfo(node)
            {
                WorkingDirectory = e2e,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(e2e, "jwt-oracle.js"));
            start.ArgumentList.Add(casesFile);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(NodeTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"jwt-oracle.js did not finish within {NodeTimeout}. stderr:{Environment.NewLine}{await stderr}");
            }

            Assert.True(process.ExitCode == 0, $"jwt-oracle.js exited with {process.ExitCode}. stderr:{Environment.NewLine}{await stderr}");
            return JsonSerializer.Deserialize<List<JsVerdict>>(await stdout, WebJson)
                ?? throw new InvalidOperationException("jwt-oracle.js printed null.");
        }
        finally
        {
            File.Delete(casesFile);
        }
    }

    private JsonObject CaseFile(IReadOnlyList<PreparedCase> prepared)
    {
        var cases = new JsonArray();
        foreach (var request in prepared)
        {
            var entry = new JsonObject
            {
                ["name"] = request.Case.Name,
                ["authHeader"] = request.AuthorizationHeader,
                ["activity"] = ActivityJson(request.Activity),
            };
            if (request.Case.DevelopmentMode)
            {
                entry["appId"] = "";
            }

            if (request.Case.AfterKeyRotation)
            {
                // The JS process filled its cache on an earlier case; publish the key now, as RunOursAsync did.
                entry["before"] = server.PublishRotatedKeyUrl.AbsoluteUri;
            }

            cases.Add(entry);
        }

        return new JsonObject
        {
            ["appId"] = ChannelMetadataServer.AppId,
            ["openIdMetadataUrl"] = server.MetadataUrl.AbsoluteUri,
            ["tokenIssuer"] = ChannelMetadataServer.Issuer,
            ["cases"] = cases,
        };
    }

    // Written by hand rather than with ProtocolJson, so that the oracle's input does not depend on the schema
    // code: only the fields the validators read, and those as the channel would send them.
    private static JsonObject ActivityJson(StrategiBot.Protocol.Schema.Activity activity)
    {
        var json = new JsonObject
        {
            ["type"] = activity.Type,
            ["id"] = activity.Id,
            ["from"] = new JsonObject { ["id"] = activity.From?.Id, ["name"] = activity.From?.Name },
            ["recipient"] = new JsonObject { ["id"] = activity.Recipient?.Id, ["name"] = activity.Recipient?.Name },
            ["conversation"] = new JsonObject { ["id"] = activity.Conversation?.Id },
            ["text"] = activity.Text,
        };
        // Absent, not null, when unset: the JS SDK treats the two differently.
        if (activity.ChannelId is not null)
        {
            json["channelId"] = activity.ChannelId;
        }

        if (activity.ServiceUrl is not null)
        {
            json["serviceUrl"] = activity.ServiceUrl;
        }

        return json;
    }

    private static string Describe(bool accepted, string? reason = null) =>
        accepted ? "accepted" : reason is null ? "refused" : $"refused ({reason})";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StrategiBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No StrategiBot.sln above {AppContext.BaseDirectory}.");
    }

    private static string? FindOnPath(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    private sealed record JsVerdict(string Name, bool Accepted, string? Error);
}
