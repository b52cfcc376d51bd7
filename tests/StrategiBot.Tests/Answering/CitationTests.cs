using StrategiBot.Answering;

namespace StrategiBot.Tests.Answering;

/// <summary>How further passages are told apart when they quote the same section.</summary>
public sealed class CitationTests
{
    [Theory]
    [InlineData("Kort tekst.", 40, "«Kort tekst.»")]
    [InlineData("- Vær gjerne aktiv i sosiale medier, men husk at du har et stort publikum.", 40, "«Vær gjerne aktiv i sosiale medier, men …»")]
    [InlineData("12. Om en bruker fritar kommunen fra taushetsplikten\n13. Svar raskt.", 30, "«Om en bruker fritar kommunen …»")]
    [InlineData("Kommunikasjonsstrategien", 10, "«Kommunikas …»")]
    public void The_opening_is_the_first_line_without_its_list_marker_cut_at_a_word(string text, int maxLength, string expected) =>
        Assert.Equal(expected, new Citation("o", "s", "S", text).Opening(maxLength));

    [Fact]
    public void A_citation_continues_a_section_only_when_an_earlier_one_quotes_it()
    {
        var answer = new Answer("q", "o", true, 1f,
            [new("o", "a", "A", "1"), new("o", "b", "B", "2"), new("o", "a", "A", "3"), new("o", "b", "B", "4")], []);

        Assert.Equal([false, false, true, true], Enumerable.Range(0, 4).Select(answer.ContinuesEarlierSection));
    }
}
