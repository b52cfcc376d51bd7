using System.Text;
using System.Text.Json;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Schema;

/// <summary>
/// The source-generated context cannot configure an init-only [JsonExtensionData] property
/// (dotnet/runtime#107898): every read and write of an Activity threw. These pin the settable form.
/// </summary>
public sealed class ExtensionDataRoundTripTests
{
    [Fact]
    public void Unknown_fields_survive_a_read_and_write_at_every_level()
    {
        var json = """
            {"type":"message","id":"1","text":"hei","futureField":{"a":1},
             "from":{"id":"29:1abc","name":"Kari","futureAccountField":"x"},
             "conversation":{"id":"a:1xyz","conversationType":"personal","futureConversationField":true},
             "channelData":{"tenant":{"id":"t1"}}}
            """;

        var activity = ProtocolJson.DeserializeActivity(Encoding.UTF8.GetBytes(json));
        using var written = JsonDocument.Parse(ProtocolJson.Serialize(activity!));

        Assert.Equal(1, written.RootElement.GetProperty("futureField").GetProperty("a").GetInt32());
        Assert.Equal("x", written.RootElement.GetProperty("from").GetProperty("futureAccountField").GetString());
        Assert.True(written.RootElement.GetProperty("conversation").GetProperty("futureConversationField").GetBoolean());
        Assert.Equal("hei", written.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void An_activity_built_in_code_serialises_without_extension_data()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "hei", From = new ChannelAccount { Id = "28:bot" } };

        using var written = JsonDocument.Parse(ProtocolJson.Serialize(activity));

        Assert.Equal("28:bot", written.RootElement.GetProperty("from").GetProperty("id").GetString());
        Assert.False(written.RootElement.TryGetProperty("extensionData", out _));
    }
}
