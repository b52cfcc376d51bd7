using System.Globalization;
using Xunit.Abstractions;

namespace StrategiBot.Tests.EndToEnd;

/// <summary>
/// A real Microsoft client against the real bot: Web Chat in headless Chromium, through offline-directline,
/// over HTTP on loopback. Catches what in-process tests cannot: JSON a real renderer rejects, replies that
/// never reach the connector, cards that do not render.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class WebChatTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan ScriptBudget = TimeSpan.FromSeconds(90);
    // Beyond the script's own budget: node start-up and its bounded cleanup.
    private static readonly TimeSpan ProcessTimeout = ScriptBudget + TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("hjelp", "Dette kan jeg hjelpe deg med", "webchat-help.png")]
    [InlineData("help", "What I can help with", "webchat-help-en.png")]
    public async Task Help_in_Web_Chat_renders_the_help_card(string text, string heading, string screenshotName)
    {
        NodeScript.RequireFile(Chromium, "apt-get install -y chromium");
        NodeScript.RequirePackages("botframework-webchat", "offline-directline", "express", "playwright-core");

        // Kept after the run (TestResults/ is ignored by git) so a person can look at what Web Chat showed.
        var screenshot = NodeScript.ArtifactPath(screenshotName);
        File.Delete(screenshot);

        await using var bot = new LiveBot();
        var endpoint = bot.Start();

        var result = await NodeScript.RunAsync("webchat.js",
        [
            "--bot-url", endpoint.ToString(),
            "--screenshot", screenshot,
            "--text", text,
            "--expect-card", heading,
            "--chromium", Chromium,
            "--timeout-ms", ((int)ScriptBudget.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ], ProcessTimeout);

        output.WriteLine(result.Describe());
        Assert.True(result.Succeeded, $"Web Chat scenario failed: {result.Describe()}");
        var json = result.LastJsonLine();
        Assert.True(json is { } r && r.TryGetProperty("ok", out var ok) && ok.GetBoolean(), $"No success line from webchat.js: {result.Describe()}");
        Assert.True(File.Exists(screenshot), $"No screenshot at {screenshot}");
        output.WriteLine($"Screenshot: {screenshot}");
    }
}
