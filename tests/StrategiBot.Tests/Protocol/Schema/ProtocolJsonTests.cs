using System.Text;
using System.Text.Json;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Schema;

public sealed class ProtocolJsonTests
{
    [Theory]
    [InlineData("{\"type\":\"message\",\n \"value\":{\"choice\":\"\\ud83d\"}}", 2)]
    [InlineData("{\"type\":\"message\",\"value\":{\"a\":[\"ok\",\"\\ude00\"]}}", 1)]
    [InlineData("{\"type\":\"message\",\n\n \"channelData\":{\"\\udbff\":1}}", 3)]
    [InlineData("{\"type\":\"message\",\"entities\":[{\"type\":\"clientInfo\",\"locale\":\"nb\\ud800\"}]}", 1)]
    public void A_lone_surrogate_anywhere_is_malformed_json_with_its_line(string json, int line)
    {
        var error = Assert.Throws<JsonException>(() => ProtocolJson.DeserializeActivity(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(line, error.LineNumber + 1);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_inside_a_value_are_malformed_json()
    {
        // An encoded surrogate (ED A0 BD) is not UTF-8, though it looks like it.
        byte[] json = [.. "{\"type\":\"message\",\"value\":{\"choice\":\""u8, 0xED, 0xA0, 0xBD, .. "\"}}"u8];

        Assert.Throws<JsonException>(() => ProtocolJson.DeserializeActivity(json));
    }

    [Fact]
    public void Surrogate_pairs_escaped_or_not_are_read_as_the_character()
    {
        var activity = ProtocolJson.DeserializeActivity("{\"type\":\"message\",\"value\":{\"a\":\"\\ud83d\\ude00\",\"b\":\"😀\"}}"u8)!;

        Assert.Equal("😀", activity.Value!.Value.GetProperty("a").GetString());
        Assert.Equal("😀", activity.Value!.Value.GetProperty("b").GetString());
    }

    [Fact]
    public void Null_entries_in_lists_are_left_out()
    {
        var activity = ProtocolJson.DeserializeActivity("""
            {"type":"conversationUpdate","entities":[null,{"type":"mention"}],"membersAdded":[null],"membersRemoved":[null,{"id":"29:a"},null],
             "attachments":[null],"reactionsAdded":[null],"reactionsRemoved":[{"type":"like"},null]}
            """u8)!;

        Assert.Equal("mention", Assert.Single(activity.Entities!).Type);
        Assert.Empty(activity.MembersAdded!);
        Assert.Equal("29:a", Assert.Single(activity.MembersRemoved!).Id);
        Assert.Empty(activity.Attachments!);
        Assert.Empty(activity.ReactionsAdded!);
        Assert.Equal("like", Assert.Single(activity.ReactionsRemoved!).Type);
    }
}
