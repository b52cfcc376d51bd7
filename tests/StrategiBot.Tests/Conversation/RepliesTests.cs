using StrategiBot.Conversation;

namespace StrategiBot.Tests.Conversation;

public sealed class RepliesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Replies_sent_as_plain_text_carry_no_markdown(bool english)
    {
        var language = english ? Language.English : Language.Norwegian;
        // CreateReply marks its text "plain", so clients would show Markdown's marks literally.
        string[] replies = [Replies.Apology(language), Replies.TooLong(language, 4000), Replies.UnknownCardAction(language)];

        foreach (var reply in replies)
        {
            Assert.DoesNotMatch(@"\*\*|__|`|\[.+\]\(", reply);
        }
    }
}
