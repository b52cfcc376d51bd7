using System.Text.Json;
using StrategiBot.Conversation;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// The bot's language decision over the real content: a short request of content words only is read in the
/// language whose content uses those words.
/// </summary>
public sealed class LanguageOfContentTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Theory]
    [InlineData("email reply time")]
    [InlineData("service desk opening hours")]
    [InlineData("brand colours hex codes")]
    [InlineData("translate info into other languages?")]
    [InlineData("Tynset core vslues")]
    public void A_short_english_request_is_english(string text) =>
        Assert.Equal(Language.English, fixture.Knowledge.DetectLanguage(text));

    [Theory]
    [InlineData("facebook regler")]
    [InlineData("hovedkanal internt")]
    [InlineData("intranett innhold")]
    [InlineData("logo farger skrifttype")]
    [InlineData("sjekkliste")]
    [InlineData("presse")]
    public void A_short_norwegian_request_stays_norwegian(string text) =>
        Assert.Equal(Language.Norwegian, fixture.Knowledge.DetectLanguage(text));

    /// <summary>
    /// Every labelled question of the read sets and their misspelt copies (1,797 with a language): function
    /// words alone misread 19, all short English requests; with the content's words 1 ("logo download": both
    /// words occur in Norwegian questions too).
    /// </summary>
    [Fact]
    public void The_labelled_questions_are_read_in_their_language()
    {
        string[] sets = ["dev", "holdout", "calibration", "fresh", "typos"];
        var labelled = sets.SelectMany(QualityFloorTests.Paths)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))
            .Where(item => item.TryGetProperty("lang", out var lang) && lang.GetString() is "en" or "nb" or "nn")
            .ToList();
        var misread = labelled
            .Where(item => (item.GetProperty("lang").GetString() == "en")
                != (fixture.Knowledge.DetectLanguage(item.GetProperty("question").GetString()) == Language.English))
            .Select(item => item.GetProperty("question").GetString())
            .ToList();

        Assert.True(labelled.Count > 1700, $"only {labelled.Count} labelled questions");
        Assert.True(misread.Count <= 1, "misread: " + string.Join(" | ", misread));
    }
}
