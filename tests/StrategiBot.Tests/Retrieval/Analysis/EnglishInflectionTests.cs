using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>The base forms an English word may have, in the order both the analysis and the glossary try them.</summary>
public sealed class EnglishInflectionTests
{
    [Theory]
    [InlineData("copies", "copy|copi|copie")]
    [InlineData("copied", "copy|copi|copie")]
    [InlineData("reporters", "reporter")]
    [InlineData("stopped", "stopp|stoppe|stop")]
    [InlineData("archiving", "archiv|archive")]
    [InlineData("publicly", "public")]
    [InlineData("releases", "releas|release")]
    [InlineData("passes", "pass|pas|passe")]
    public void Candidates_come_most_likely_first(string word, string expected) =>
        Assert.Equal(expected.Split('|'), EnglishInflection.BaseFormCandidates(word));

    [Theory]
    [InlineData("yes")]
    [InlineData("bus")]
    [InlineData("thing")]
    [InlineData("media")]
    public void A_word_whose_ending_would_leave_under_three_letters_or_that_has_none_has_no_candidates(string word) =>
        Assert.Empty(EnglishInflection.BaseFormCandidates(word));
}
