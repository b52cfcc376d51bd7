using StrategiBot.Conversation;

namespace StrategiBot.Tests.Conversation;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("sosiale medier", "sosiale medier")]
    [InlineData("  sosiale   medier  ", "sosiale medier")]
    [InlineData("sosiale\u00a0medier", "sosiale medier")]
    [InlineData("sosiale\u202fmedier", "sosiale medier")]
    [InlineData("sosiale\u3000medier", "sosiale medier")]
    [InlineData("sosiale\t\r\nmedier", "sosiale medier")]
    [InlineData("&nbsp;hjelp", "hjelp")]
    [InlineData("presse&nbsp;&nbsp;regler", "presse regler")]
    [InlineData("\u200bhjelp", "hjelp")]
    [InlineData("hj\u200celp\u200d", "hjelp")]
    [InlineData("\ufeffhjelp", "hjelp")]
    [InlineData("sosiale \u200b medier", "sosiale medier")]
    [InlineData("presse\u00adhenvendelse", "pressehenvendelse")]
    [InlineData("ord\u2060ord", "ordord")]
    [InlineData("\u200b\u00a0 \ufeff", "")]
    [InlineData("Kan jeg svare NRK? Ja & nei", "Kan jeg svare NRK? Ja & nei")]
    public void Spaces_become_one_plain_space_and_invisible_characters_go(string text, string expected)
    {
        Assert.Equal(expected, MessageText.Normalise(text));
    }
}
