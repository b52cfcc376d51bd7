using StrategiBot.Cards;

namespace StrategiBot.Tests.Cards;

public sealed class AdaptiveCardsTests
{
    [Theory]
    [InlineData("[klikk her](https://evil.example)")]
    [InlineData("**fet** og _kursiv_")]
    [InlineData("- et punkt\r1. et nummer")]
    [InlineData("Ny barnehage på Lena")]
    public void Verbatim_text_is_one_TextRun_which_no_client_reads_as_Markdown(string typed)
    {
        var block = AdaptiveCards.Verbatim(typed);

        Assert.Equal("RichTextBlock", block["type"]!.GetValue<string>());
        var run = Assert.Single(block["inlines"]!.AsArray())!;
        Assert.Equal("TextRun", run["type"]!.GetValue<string>());
        Assert.Equal(typed, run["text"]!.GetValue<string>());
    }

    [Fact]
    public void Emphasised_verbatim_text_is_larger_and_bolder_but_still_a_TextRun()
    {
        var run = AdaptiveCards.Verbatim("**Prosjekt**", emphasised: true)["inlines"]![0]!;

        Assert.Equal("TextRun", run["type"]!.GetValue<string>());
        Assert.Equal("**Prosjekt**", run["text"]!.GetValue<string>());
        Assert.Equal(("Medium", "Bolder"), (run["size"]!.GetValue<string>(), run["weight"]!.GetValue<string>()));
    }
}
