using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;
using StrategiBot.Tests.Planning;
using Xunit.Abstractions;

namespace StrategiBot.Tests.EndToEnd;

/// <summary>
/// Every activity the bot sends, in every scenario below and on both delivery paths, must satisfy the
/// Microsoft 365 Agents SDK's own Activity schema (<c>activityZodSchema</c> from @microsoft/agents-activity).
/// An independent implementation judges our JSON, so a field of the wrong type or an attachment without
/// contentType cannot pass just because our own model accepts it.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class OutboundActivitySchemaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OracleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The conversations to drive. Add one line per new card, dialog or reply; each must make the bot send
    /// at least one activity, or the scenario proves nothing and the test says so.
    /// </summary>
    internal static IReadOnlyList<OutboundScenario> Scenarios { get; } =
    [
        new("help in Norwegian", [Teams.PersonalMessage("hjelp")]),
        new("help in English", [Teams.PersonalMessage("help")]),
        new("empty message shows help", [Teams.PersonalMessage("")]),
        new("a question answered from the strategy", [Teams.PersonalMessage("Kan jeg kommentere en personalsak i media?")]),
        new("an English question", [Teams.PersonalMessage("Who is allowed to talk to the press?")]),
        new("a question the strategy does not cover", [Teams.PersonalMessage("Hvor mange feriedager har jeg?")]),
        new("a dialog step", [Teams.PersonalMessage("presse")]),
        new("a dialog outcome", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("5")]),
        new("the communication-plan form", [Teams.PersonalMessage("kommunikasjonsplan")]),
        new("the second step of the plan", [PlanSteps.Next(1)]),
        new("a plan step submitted with fields missing", [PlanSteps.Submission("next", 1, new() { ["plan.budskap"] = "Åpner i august" })]),
        new("a plan step back", [PlanSteps.Next(1), PlanSteps.Submission("back", 2, [])]),
        new("a plan draft saved", [PlanSteps.Next(1), PlanSteps.Submission("save", 2, new() { ["plan.malgruppe-ma"] = "Foreldre" })]),
        new("a resumed plan draft", [PlanSteps.Next(1), PlanSteps.Submission("save", 2, new() { ["plan.malgruppe-ma"] = "Foreldre", ["plan.malgruppe-bor"] = "Ansatte i skolene" }), Teams.PersonalMessage("kommunikasjonsplan")]),
        new("a complete plan as card and plain text", [.. PlanSteps.All()]),
        new("a plan submission for no known form", [Submission(new { plan = new { form = "no-such-form", action = "submit" } })]),
        new("thumbs up on an answer", [Submission(new { feedback = new { helpful = true, source = "answer", question = "Kan jeg kommentere en personalsak i media?", section = "presse-kjoreregler" } })]),
        new("thumbs down on an answer", [Submission(new { feedback = new { helpful = false, source = "answer", question = "Hvor mange feriedager har jeg?" } })]),
        new("malformed feedback", [Submission(new { feedback = "yes" })]),
        new("checklist list", [Teams.PersonalMessage("sjekklister")]),
        new("checklist list in English", [Teams.PersonalMessage("checklists")]),
        new("checklist opened by a phrase", [Teams.PersonalMessage("sjekkliste før jeg publiserer")]),
        new("checklist opened from a dialog outcome's button", [Teams.PersonalMessage("") with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { checklist = "journalisten-ringer", verb = "checklist.open" }),
        }]),
        new("checklist ticked in Teams, then reopened", [
            Teams.CardAction("checklist.save", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer", ["item-samtykke"] = "true" }),
            Teams.PersonalMessage("sjekkliste før jeg publiserer")]),
        new("checklist saved through the Action.Submit fallback", [Teams.PersonalMessage("") with
        {
            ChannelId = "webchat",
            Text = null,
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["checklist"] = "nyttige-tips", ["verb"] = "checklist.save", ["item-kanal"] = "true" }),
        }]),
        new("checklist shared in a group chat", [Teams.GroupMessage("sjekkliste journalist", mentionBot: true)]),
        new("welcome on personal install", [Teams.BotInstalledPersonal()]),
        new("welcome when added to a personal chat", [Teams.BotAddedToConversation()]),
        new("welcome when added to a team", [Teams.BotAddedToTeam()]),
        new("install then help", [Teams.BotInstalledPersonal(), Teams.PersonalMessage("hjelp")]),
        new("group chat mention asks for help", [Teams.GroupMessage("hjelp", mentionBot: true)]),
        new("channel mention with free text", [Teams.GroupMessage("hva kan du?", mentionBot: true, conversationType: "channel")]),
        new("too long message", [Teams.PersonalMessage(new string('a', new BotOptions().MaxMessageLength + 1))]),
        new("unknown card submission", [Teams.PersonalMessage("") with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { action = "no-such-card", id = "x" }),
        }]),
        new("apology after a failing turn", [Teams.PersonalMessage("hjelp")])
        {
            // The first send fails as an outage would; the bot must still answer, with a valid apology.
            Paths = DeliveryPaths.Connector,
            Connector = inner => new FailFirstSendConnector(inner),
        },
    ];

    private static Activity Submission(object value) => Teams.CardSubmission(JsonSerializer.SerializeToElement(value));


    [Fact]
    public async Task Every_outbound_activity_passes_the_Agents_SDK_activity_schema()
    {
        NodeScript.RequirePackages("@microsoft/agents-activity");

        var collected = new List<(string Label, JsonNode Json)>();
        var silent = new List<string>();
        foreach (var scenario in Scenarios)
        {
            foreach (var path in new[] { DeliveryPaths.ExpectReplies, DeliveryPaths.Connector })
            {
                if (!scenario.Paths.HasFlag(path))
                {
                    continue;
                }
                var sent = path == DeliveryPaths.ExpectReplies
                    ? await ViaExpectRepliesAsync(scenario)
                    : await ViaConnectorAsync(scenario);
                if (sent.Count == 0)
                {
                    silent.Add($"{scenario.Name} ({path})");
                }
                collected.AddRange(sent.Select((json, i) => ($"{scenario.Name} / {path} #{i + 1}", json)));
            }
        }
        Assert.True(silent.Count == 0, $"These scenarios made the bot send nothing, so they check nothing: {string.Join("; ", silent)}");

        var verdict = await JudgeAsync(collected.Select(c => c.Json).ToList(), "outbound-activities.json");

        var failures = new List<string>();
        foreach (var item in verdict.GetProperty("results").EnumerateArray())
        {
            if (item.GetProperty("success").GetBoolean())
            {
                continue;
            }
            var label = collected[item.GetProperty("index").GetInt32()].Label;
            var issues = item.GetProperty("issues").EnumerateArray()
                .Select(i => $"{(i.GetProperty("path").GetString() is { Length: > 0 } p ? p : "(root)")}: {i.GetProperty("message").GetString()}");
            failures.Add($"{label}: {string.Join("; ", issues)}");
        }
        output.WriteLine($"{collected.Count} outbound activities from {Scenarios.Count} scenarios judged; {failures.Count} rejected.");
        Assert.Equal(collected.Count, verdict.GetProperty("total").GetInt32());
        Assert.True(failures.Count == 0, "activityZodSchema rejected:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_oracle_rejects_what_the_schema_forbids()
    {
        // Without this, a broken oracle (wrong export, no-op parse) would let every activity through.
        NodeScript.RequirePackages("@microsoft/agents-activity");
        List<JsonNode> samples =
        [
            JsonNode.Parse("""{"type":"message","text":"ok","conversation":{"id":"c"}}""")!,
            JsonNode.Parse("""{"text":"no type"}""")!,
            JsonNode.Parse("""{"type":"message","attachments":[{"content":{}}]}""")!,
        ];

        var verdict = await JudgeAsync(samples, "oracle-self-check.json");

        var results = verdict.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("success").GetBoolean()).ToList();
        Assert.Equal([true, false, false], results);
    }

    private async Task<JsonElement> JudgeAsync(IReadOnlyList<JsonNode> activities, string fileName)
    {
        var verdict = await NodeScript.JudgeAsync("activity-schema.js", activities, fileName, OracleTimeout);
        output.WriteLine($"Judged activities: {NodeScript.ArtifactPath(fileName)}");
        return verdict;
    }

    /// <summary>The replies exactly as the HTTP response carries them, not re-serialised by our model.</summary>
    private static async Task<IReadOnlyList<JsonNode>> ViaExpectRepliesAsync(OutboundScenario scenario)
    {
        await using var app = new BotApplication();
        using var client = app.CreateClient();
        var replies = new List<JsonNode>();
        foreach (var inbound in scenario.Inbound)
        {
            using var content = new ByteArrayContent(ProtocolJson.Serialize(inbound with { DeliveryMode = DeliveryModes.ExpectReplies }));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{scenario.Name}: HTTP {(int)response.StatusCode} {body}");
            if (JsonNode.Parse(body)?["activities"] is JsonArray activities)
            {
                replies.AddRange(activities.Where(a => a is not null).Select(a => a!.DeepClone()));
            }
        }
        return replies;
    }

    /// <summary>What the connector client would put on the wire: the recorded activities, serialised by the protocol's JSON.</summary>
    private static async Task<IReadOnlyList<JsonNode>> ViaConnectorAsync(OutboundScenario scenario)
    {
        var recorder = new RecordingConnector();
        await using var app = new BotApplication { ConnectorOverride = scenario.Connector?.Invoke(recorder) ?? recorder };
        foreach (var inbound in scenario.Inbound)
        {
            using var response = await app.PostAsync(inbound);
            // The turn runs before the endpoint answers, so every send is recorded once this returns.
            Assert.True(response.IsSuccessStatusCode, $"{scenario.Name}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return [.. recorder.Calls
            .Where(c => c.Activity is not null)
            .Select(c => JsonNode.Parse(Encoding.UTF8.GetString(ProtocolJson.Serialize(c.Activity!)))!)];
    }

    /// <summary>Fails the first reply or send, as a connector outage would, then passes everything on.</summary>
    private sealed class FailFirstSendConnector(IConnectorClient inner) : IConnectorClient
    {
        private int _sends;

        public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            FirstFails() ?? inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
            FirstFails() ?? inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

        public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);

        public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
            inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

        private Task<ResourceResponse>? FirstFails() =>
            Interlocked.Increment(ref _sends) == 1
                ? Task.FromException<ResourceResponse>(new ConnectorException(503, null, "Simulated connector outage."))
                : null;
    }
}

/// <summary>Which way the bot's replies travel in a scenario.</summary>
[Flags]
internal enum DeliveryPaths
{
    /// <summary>Returned in the HTTP response (<c>deliveryMode: expectReplies</c>).</summary>
    ExpectReplies = 1,
    /// <summary>Posted to the connector, as Teams receives them.</summary>
    Connector = 2,
    Both = ExpectReplies | Connector,
}

/// <summary>A conversation to drive through the app: the inbound activities, in order, on a fresh app.</summary>
internal sealed record OutboundScenario(string Name, IReadOnlyList<Activity> Inbound)
{
    public DeliveryPaths Paths { get; init; } = DeliveryPaths.Both;

    /// <summary>Wraps the recording connector, e.g. to inject failures; connector path only.</summary>
    public Func<IConnectorClient, IConnectorClient>? Connector { get; init; }

    public override string ToString() => Name;
}
