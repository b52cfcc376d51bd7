using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Schema;

public sealed class ActivityExtensionsTests
{
    private const string BotId = "28:bot";

    [Theory]
    // The entity names the literal text.
    [InlineData("<at>StrategiBot</at> hjelp", "<at>StrategiBot</at>", "StrategiBot", "hjelp")]
    // Teams leaves the text out of mention entities in some group chats: the name finds the tag.
    [InlineData("<at>StrategiBot</at> hjelp", null, "StrategiBot", "hjelp")]
    [InlineData("spør <at>StrategiBot</at> om pressen", null, "StrategiBot", "spør  om pressen")]
    // The tag written otherwise than the entity says: attributes, case, spaces inside.
    [InlineData("<at id=\"0\">StrategiBot</at> hjelp", "<at>StrategiBot</at>", "StrategiBot", "hjelp")]
    [InlineData("<AT>strategibot</AT> hjelp", null, "StrategiBot", "hjelp")]
    [InlineData("<at> StrategiBot </at> hjelp", null, "StrategiBot", "hjelp")]
    // Neither text nor name on the entity: the bot's own name (the recipient's) is used.
    [InlineData("<at>StrategiBot</at> hjelp", null, null, "hjelp")]
    public void The_bots_own_mention_is_removed_however_the_entity_describes_it(string text, string? mentionText, string? mentionedName, string expected)
    {
        var activity = Message(text, new Entity { Type = "mention", Text = mentionText, Mentioned = new ChannelAccount { Id = BotId, Name = mentionedName } });

        Assert.Equal(expected, activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void Another_persons_mention_stays_when_the_bots_entity_has_no_text()
    {
        var activity = Message(
            "<at>StrategiBot</at> hva sier <at>Kari</at>?",
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = BotId, Name = "StrategiBot" } },
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:kari", Name = "Kari" } });

        Assert.Equal("hva sier <at>Kari</at>?", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void A_tag_with_the_bots_name_stays_when_the_bot_is_not_mentioned()
    {
        var activity = Message("<at>StrategiBot</at> hjelp");

        Assert.Equal("<at>StrategiBot</at> hjelp", activity.GetTextWithoutBotMention());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = BotId, Name = "StrategiBot" },
        Entities = entities,
    };
}
