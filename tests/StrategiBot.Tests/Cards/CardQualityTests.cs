using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace StrategiBot.Tests.Cards;

/// <summary>
/// Every card the bot can emit (<see cref="CardScenarios"/>), one test per scenario: the reference Adaptive
/// Cards library (npm adaptivecards, schema 1.5) parses it with no event, it keeps <see cref="CardRules"/>,
/// and it equals its golden file. Runs with the end-to-end tests because it starts node once for all cards.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class CardQualityTests(EmittedCardsFixture emitted, ITestOutputHelper output) : IClassFixture<EmittedCardsFixture>
{
    public static TheoryData<string> Scenarios => CardScenarios.Names;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_card_is_accepted_by_the_reference_library_keeps_the_Teams_rules_and_matches_its_golden_file(string scenario)
    {
        Assert.True(emitted.Error is null, emitted.Error);
        Assert.True(!emitted.Harvest.Problems.TryGetValue(scenario, out var problem), $"{scenario}: {problem}");

        var failures = new List<string>();
        foreach (var (card, index) in emitted.Harvest.Cards.Select((c, i) => (c, i)).Where(c => c.c.Scenario == scenario))
        {
            output.WriteLine($"{card.Name}: {JsonSerializer.Serialize(card.Card).Length} characters");
            failures.AddRange(emitted.ReferenceEvents[index].Select(e => $"{card.Name}: adaptivecards 1.5: {e}"));
            failures.AddRange(CardRules.Check(card.Card).Select(p => $"{card.Name}: rule: {p}"));
            if (GoldenFiles.Compare(card.Name, card.Card) is { } difference)
            {
                failures.Add($"{card.Name}: golden: {difference}");
            }
        }
        Assert.True(failures.Count == 0, $"Scenario '{scenario}':\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_card_the_bot_still_emits()
    {
        Assert.True(emitted.Error is null, emitted.Error);
        // Only meaningful when every scenario ran; otherwise the missing cards would look like orphans.
        Assert.Empty(emitted.Harvest.Problems);

        var orphans = GoldenFiles.Orphans(emitted.Harvest.Cards.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));

        Assert.True(orphans.Count == 0, $"Golden files without a card (remove them, or run with {GoldenFiles.UpdateVariable}=1): {string.Join(", ", orphans)}");
    }

    [Fact]
    public void Scenario_names_are_unique_file_names()
    {
        var names = CardScenarios.All.Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9][a-z0-9-]*$", n));
    }

    [Fact]
    public async Task The_reference_library_rejects_what_Teams_cannot_render()
    {
        // Without this, a broken oracle (wrong export, no-op parse) would let every card through.
        NodeScript.RequirePackages("adaptivecards");
        JsonNode[] samples =
        [
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hei","wrap":true}],"actions":[{"type":"Action.Execute","verb":"v","title":"Go"}]}""")!,
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Bogus"}]}""")!,
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","label":"A"},{"type":"Input.Text","id":"a","label":"B"}]}""")!,
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"No id"}]}""")!,
        ];

        var events = await EmittedCardsFixture.JudgeAsync(samples, "adaptive-card-self-check.json");

        Assert.Equal([true, false, false, false], events.Select(e => e.Count == 0).ToList());
    }

    [Fact]
    public void A_card_in_an_invoke_response_is_collected()
    {
        var invokeResponse = JsonNode.Parse("""
            {"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[]}}
            """);
        var expectReplies = JsonNode.Parse("""
            {"activities":[{"type":"message","attachments":[
              {"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}},
              {"contentType":"image/png","contentUrl":"http://x/y.png"}]}]}
            """);
        var message = JsonNode.Parse("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Lagret"}""");

        Assert.Single(CardHarness.CardsInResponse(invokeResponse));
        Assert.Single(CardHarness.CardsInResponse(expectReplies));
        Assert.Empty(CardHarness.CardsInResponse(message));
    }
}

/// <summary>Drives every scenario once and has node judge all their cards in one run, for the tests to share.</summary>
public sealed class EmittedCardsFixture : IAsyncLifetime
{
    private static readonly TimeSpan OracleTimeout = TimeSpan.FromSeconds(90);

    internal CardHarvest Harvest { get; private set; } = new([], new Dictionary<string, string>());

    /// <summary>The reference library's events per card, in the order of <see cref="CardHarvest.Cards"/>.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> ReferenceEvents { get; private set; } = [];

    /// <summary>Why the cards could not be collected or judged at all; every test reports it.</summary>
    internal string? Error { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            Harvest = await CardHarness.CollectAsync(CardScenarios.All);
            ReferenceEvents = await JudgeAsync([.. Harvest.Cards.Select(c => c.Card)], "emitted-cards.json");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed precondition (npm packages missing, node not running) reaches every test with its fix.
            Error = ex.Message;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs tests/e2e/adaptive-card-check.js over the cards; returns the parse and validation events of each.</summary>
    internal static async Task<IReadOnlyList<IReadOnlyList<string>>> JudgeAsync(IReadOnlyList<JsonNode> cards, string fileName)
    {
        NodeScript.RequirePackages("adaptivecards");
        var verdict = await NodeScript.JudgeAsync("adaptive-card-check.js", cards, fileName, OracleTimeout, indented: false);
        var results = verdict.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(cards.Count, results.Count);
        return [.. results.Select(r => (IReadOnlyList<string>)[
            .. r.GetProperty("parse").EnumerateArray().Select(e => "parse: " + e.GetString()),
            .. r.GetProperty("validation").EnumerateArray().Select(e => "validation: " + e.GetString()),
        ])];
    }
}
