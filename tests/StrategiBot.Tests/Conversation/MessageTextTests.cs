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

    [Theory]
    [InlineData("<p>presse</p>", "presse")]
    [InlineData("hjelp<br>", "hjelp")]
    [InlineData("hjelp<br/>presse", "hjelp presse")]
    [InlineData("<div><p>Kan jeg svare <strong>NRK</strong>?</p></div>", "Kan jeg svare NRK?")]
    [InlineData("<p>Kan jeg dele <a href=\"https://nrk.no/a?b=1&amp;c=2\">saken</a> på Facebook?</p>", "Kan jeg dele saken på Facebook?")]
    [InlineData("takk <img alt=\"😁\" itemtype=\"http://schema.skype.com/Emoji\" src=\"x.png\">", "takk 😁")]
    [InlineData("<img alt=\"👍\" itemtype=\"http://schema.skype.com/Emoji\" src=\"x.png\" style=\"width:20px\">", "👍")]
    [InlineData("<p><img src=\"bilde.png\"></p>", "")]
    [InlineData("<ul><li>presse</li><li>regler</li></ul>", "presse regler")]
    [InlineData("Ja &amp; nei, &quot;privat&quot; &lt;3", "Ja & nei, \"privat\" <3")]
    // Text that only looks a little like markup stays text.
    [InlineData("a < b og <3", "a < b og <3")]
    [InlineData("lønn <5000", "lønn <5000")]
    public void Markup_from_formatted_or_pasted_text_goes_and_entities_are_decoded(string text, string expected)
    {
        Assert.Equal(expected, MessageText.Normalise(text));
    }
}
