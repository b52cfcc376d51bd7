using System.Globalization;
using StrategiBot.Tests.Dialogs;
using StrategiBot.Tests.Retrieval;
using Xunit.Abstractions;

namespace StrategiBot.Tests.EndToEnd;

/// <summary>
/// A real Microsoft client against the real bot: Web Chat in headless Chromium, through offline-directline,
/// over HTTP on loopback. Catches what in-process tests cannot: JSON a real renderer rejects, replies that
/// never reach the connector, cards that do not render.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class WebChatTests(ITestOutputHelper output, KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan ScriptBudget = TimeSpan.FromSeconds(90);
    // Beyond the script's own budget: node start-up and its bounded cleanup.
    private static readonly TimeSpan ProcessTimeout = ScriptBudget + TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("hjelp", "Dette kan jeg hjelpe deg med", "webchat-help.png")]
    [InlineData("help", "What I can help with", "webchat-help-en.png")]
    public Task Help_in_Web_Chat_renders_the_help_card(string text, string heading, string screenshotName) =>
        RunScenarioAsync(screenshotName, ["--text", text, "--expect-card", heading]);

    /// <summary>
    /// Web Chat has no Universal Actions, so the checklist comes with Action.Submit buttons: tick an item,
    /// press "Lagre", and the card the bot sends back must show the saved tick and the progress.
    /// </summary>
    [Fact]
    public Task A_checklist_ticked_in_Web_Chat_comes_back_saved() =>
        RunScenarioAsync("webchat-checklist.png",
        [
            "--text", "sjekkliste før jeg publiserer",
            "--expect-card", "Før du publiserer",
            "--tick", "Rett alltid opp faktafeil.",
            "--press", "Lagre",
            "--expect-after", string.Create(CultureInfo.InvariantCulture,
                $"1 av {DialogLoaderTests.ShippedChecklists(fixture).Single(c => c.OrganisationId == "ostre-toten" && c.Id == "for-du-publiserer").Items.Count}"),
        ]);

    /// <summary>
    /// The plan form in a real renderer: it checks the first step's required fields itself, so only with
    /// them typed in does "Neste" go through, and the bot answers with step 2.
    /// </summary>
    [Fact]
    public Task The_plan_form_in_Web_Chat_goes_on_to_step_2_once_the_first_steps_required_fields_are_filled() =>
        RunScenarioAsync("webchat-plan.png",
        [
            "--text", "kommunikasjonsplan",
            "--expect-card", "Steg 1 av 5",
            "--fill", "Navn på prosjektet=Ny barnehage på Lena",
            "--fill", "Hva er viktig å kommunisere?=Barnehagen åpner 1. august med 120 plasser.",
            "--fill", "Hva er målet med kommunikasjonen?=Foreldre søker plass innen fristen.",
            "--press", "Neste",
            "--expect-after", "Steg 2 av 5",
        ]);

    private async Task RunScenarioAsync(string screenshotName, IReadOnlyList<string> scenario)
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
            .. scenario,
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
