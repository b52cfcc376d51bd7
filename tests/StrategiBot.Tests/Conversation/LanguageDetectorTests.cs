using StrategiBot.Conversation;

namespace StrategiBot.Tests.Conversation;

/// <summary>Which language a message is answered in: English only when the text is clearly English.</summary>
public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Can I post photos from work on Instagram?")]
    [InlineData("Who speaks to the media on behalf of Østre Toten?")]
    [InlineData("What are Lørenskog's values?")]
    [InlineData("social media rules")]
    [InlineData("crisis communication plan")]
    [InlineData("A journalist from NRK Innlandet called me")]
    [InlineData("checklist before I publish")]
    [InlineData("cancel")]
    [InlineData("target groups")]
    [InlineData("archive emails?")]
    [InlineData("who speaks for the media on behalf of østre toten?")]
    [InlineData("What does 'åpenhet' mean?")]
    public void Clearly_english_text_is_answered_in_english(string text) =>
        Assert.Equal(Language.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Kan jeg poste bilder fra jobben på Instagram?")]
    [InlineData("Får jeg uttale meg til avisa?")]
    [InlineData("Kven skal snakke med pressa?")]
    [InlineData("Åpenhet")]
    [InlineData("sosiale medier regler")]
    [InlineData("Kan jeg si dette på Facebook?")]
    [InlineData("policy for sosiale medier")]
    [InlineData("Hva betyr «åpenhet»?")]
    [InlineData("Facebook")]
    [InlineData("journalist ringer")]
    [InlineData("journalist ringte")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_answered_in_bokmal(string? text) =>
        Assert.Equal(Language.Norwegian, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("email reply time", true)]
    [InlineData("kommunen email regler", false)]
    [InlineData("What is regler?", true)] // two function words outweigh one content word
    public void Content_words_decide_where_there_are_no_function_words(string text, bool english)
    {
        Language? Vocabulary(string word) => word switch
        {
            "reply" or "time" => Language.English,
            "kommunen" or "regler" => Language.Norwegian,
            _ => null,
        };

        Assert.Equal(english ? Language.English : Language.Norwegian, LanguageDetector.Detect(text, Vocabulary));
    }
}
