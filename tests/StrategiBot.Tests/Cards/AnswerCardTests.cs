using StrategiBot.Answering;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cards;

public sealed class AnswerCardTests
{
    [Fact]
    public void A_long_section_title_on_a_button_is_cut_between_words()
    {
        const string title = "Mål › Vi skal øke innbyggernes involvering og deltakelse i lokaldemokratiet og samfunnsutviklingen";
        var organisation = RepositoryContent.Packs[0].Organisation;
        var answer = new Answer("spørsmål", organisation.Id, Answered: false, Confidence: 0.2f, [], [new SectionSuggestion("mal", title)]);

        var card = AnswerCard.Build(new ComposedAnswer(answer, Language.Norwegian, "Ingen treff.", organisation, "Ingen treff."));

        var button = CardJson.Elements(card).Single(e => e["data"]?["msteams"]?["type"]?.GetValue<string>() == "imBack")["title"]!.GetValue<string>();
        Assert.Equal("Vi skal øke innbyggernes involvering og deltakelse i …", button);
    }
}
