using System.Globalization;
using System.Text.Json.Nodes;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Protocol.Authentication;

namespace StrategiBot.Tests.Cards;

/// <summary>A card the bot emitted, named for its golden file.</summary>
internal sealed record EmittedCard(string Scenario, string Name, JsonNode Card);

/// <summary>What driving the scenarios produced: the cards, and the scenarios that went wrong on the way.</summary>
internal sealed record CardHarvest(IReadOnlyList<EmittedCard> Cards, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// Drives scenarios through <c>/api/messages</c> the way Teams does (normal delivery to the connector) and
/// collects every Adaptive Card: from the activities sent, replied or updated through the connector, and
/// from the HTTP response (invoke responses carrying a card, and expectReplies bodies).
/// </summary>
internal static class CardHarness
{
    public const string InvokeCardType = "application/vnd.microsoft.card.adaptive";

    public static async Task<CardHarvest> CollectAsync(IReadOnlyList<CardScenario> scenarios)
    {
        var cards = new List<EmittedCard>();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        // One app per organisation (starting one builds the search index); each scenario gets empty state.
        foreach (var group in scenarios.GroupBy(s => s.Organisation ?? new BotOptions().Organisation, StringComparer.Ordinal))
        {
            var store = new ResettableStore();
            await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = group.Key })
            {
                StoreOverride = store,
                // Cards that show a date (a resumed plan draft) stay the same on every day the tests run.
                Clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T23:30:00Z", CultureInfo.InvariantCulture)),
            };
            foreach (var scenario in group)
            {
                store.Reset();
                try
                {
                    var emitted = await RunAsync(app, scenario);
                    if (scenario.EmitsCards && emitted.Count == 0)
                    {
                        problems[scenario.Name] = "the last message got no Adaptive Card, so the scenario checks nothing";
                    }
                    else if (!scenario.EmitsCards && emitted.Count > 0)
                    {
                        problems[scenario.Name] = "a reply marked as text-only now carries a card; drop EmitsCards = false and add its golden file";
                    }
                    cards.AddRange(emitted.Select((card, i) => new EmittedCard(scenario.Name, i == 0 ? scenario.Name : $"{scenario.Name}-{i + 1}", card)));
                }
                catch (InvalidOperationException ex)
                {
                    problems[scenario.Name] = ex.Message;
                }
            }
        }
        return new CardHarvest(cards, problems);
    }

    /// <summary>The cards in an HTTP response body: an invoke response with a card, or expectReplies activities.</summary>
    public static IEnumerable<JsonNode> CardsInResponse(JsonNode? body)
    {
        if (body is not JsonObject response)
        {
            yield break;
        }
        if (Str(response["type"]) == InvokeCardType && response["value"] is JsonObject card)
        {
            yield return card;
        }
        if (response["activities"] is JsonArray activities)
        {
            foreach (var attached in activities.SelectMany(CardsInActivity))
            {
                yield return attached;
            }
        }
    }

    /// <summary>The Adaptive Card attachments of an activity, as JSON.</summary>
    public static IEnumerable<JsonNode> CardsInActivity(JsonNode? activity) =>
        (activity?["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => Str(a["contentType"]) == Attachment.AdaptiveCardContentType && a["content"] is not null)
            .Select(a => a["content"]!.DeepClone());

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static async Task<IReadOnlyList<JsonNode>> RunAsync(BotApplication app, CardScenario scenario)
    {
        var cards = new List<JsonNode>();
        for (var i = 0; i < scenario.Inbound.Count; i++)
        {
            var before = app.Connector.Calls.Count;
            using var response = await app.PostAsync(scenario.Inbound[i]);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"activity {i + 1} ({scenario.Inbound[i].Type}) got HTTP {(int)response.StatusCode} {body}");
            }
            if (i < scenario.Inbound.Count - 1)
            {
                continue;
            }
            // The turn runs before the endpoint answers, so every send of this turn is recorded by now.
            foreach (var call in app.Connector.Calls.Skip(before).Where(c => c.Activity is not null))
            {
                cards.AddRange(CardsInActivity(JsonNode.Parse(ProtocolJson.Serialize(call.Activity!))));
            }
            if (body.Length > 0)
            {
                cards.AddRange(CardsInResponse(JsonNode.Parse(body)));
            }
        }
        return cards;
    }

    /// <summary>In-memory storage that forgets everything between scenarios, so each starts as a new user.</summary>
    private sealed class ResettableStore : IStateStore
    {
        private MemoryStateStore _inner = new();

        public void Reset() => _inner = new MemoryStateStore();

        public Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class =>
            _inner.ReadAsync(key, cancellationToken);

        public Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class =>
            _inner.WriteAsync(key, value, expectedVersion, cancellationToken);

        public Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class =>
            _inner.DeleteAsync(key, cancellationToken);
    }
}
