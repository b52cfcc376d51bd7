using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Schema;

/// <summary>Realistic Teams payloads read and written again lose nothing, and their Teams parts are readable.</summary>
public sealed class ActivityRoundTripTests
{
    public static TheoryData<string> Fixtures => [.. Directory.GetFiles(FixtureFolder, "*.json").Select(f => Path.GetFileName(f))];

    private static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "activities");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_field_survives_a_round_trip(string fixture)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureFolder, fixture)))!;

        var activity = ProtocolJson.DeserializeActivity(JsonSerializer.SerializeToUtf8Bytes(original))!;
        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!;

        Assert.True(JsonNode.DeepEquals(Normalise(original), Normalise(written)), $"{fixture} changed:\n{written.ToJsonString()}");
    }

    [Fact]
    public void A_channel_message_exposes_tenant_team_channel_and_the_mention()
    {
        var activity = Load("channel-message-with-mention.json");

        var teams = activity.GetTeamsChannelData()!;
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.GetTenantId());
        Assert.Equal("19:team-general@thread.tacv2", teams.Team!.Id);
        Assert.Equal("19:channel-x@thread.tacv2", teams.Channel!.Id);
        Assert.True(activity.IsGroupConversation());
        Assert.True(activity.MentionsRecipient());
        Assert.Equal("hva sier strategien om pressen?", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void The_tenant_is_taken_from_channel_data_when_the_conversation_lacks_it()
    {
        var activity = Load("personal-install.json");

        Assert.Null(activity.Conversation!.TenantId);
        Assert.Equal("tenant-from-channel-data", activity.GetTenantId());
        Assert.Equal("add", activity.Action);
    }

    [Fact]
    public void A_mention_of_someone_else_is_kept_in_the_text()
    {
        var activity = Load("channel-message-with-mention.json") with
        {
            Text = "<at>Kari</at> hei",
            Entities = [new Entity { Type = "mention", Text = "<at>Kari</at>", Mentioned = new ChannelAccount { Id = "29:kari" } }],
        };

        Assert.False(activity.MentionsRecipient());
        Assert.Equal("<at>Kari</at> hei", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void An_invoke_keeps_its_action_value_as_json()
    {
        var activity = Load("adaptive-card-action-invoke.json");

        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("Action.Execute", activity.Value!.Value.GetProperty("action").GetProperty("type").GetString());
    }

    [Fact]
    public void A_reply_is_addressed_back_and_carries_no_fields_a_bot_must_not_set()
    {
        var inbound = Load("channel-message-with-mention.json");

        var reply = inbound.CreateReply("svar");
        var json = JsonNode.Parse(ProtocolJson.Serialize(reply))!.AsObject();

        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal(inbound.Recipient!.Id, reply.From!.Id);
        Assert.Equal(inbound.From!.Id, reply.Recipient!.Id);
        foreach (var forbidden in new[] { "id", "timestamp", "serviceUrl", "callerId" })
        {
            Assert.False(json.ContainsKey(forbidden), forbidden);
        }
        Assert.False(json["conversation"]!.AsObject().ContainsKey("isGroup"));
        Assert.False(json["conversation"]!.AsObject().ContainsKey("conversationType"));
    }

    private static Activity Load(string fixture) =>
        ProtocolJson.DeserializeActivity(File.ReadAllBytes(Path.Combine(FixtureFolder, fixture)))!;

    // Timestamps may be rewritten in an equivalent form; everything else must match exactly.
    private static JsonNode Normalise(JsonNode node)
    {
        var copy = node.DeepClone();
        foreach (var field in new[] { "timestamp", "localTimestamp" })
        {
            if (copy[field] is JsonValue value && DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                copy[field] = parsed.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return copy;
    }
}
