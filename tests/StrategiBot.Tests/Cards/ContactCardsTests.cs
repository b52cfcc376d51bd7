using StrategiBot.Cards;
using StrategiBot.Content;

namespace StrategiBot.Tests.Cards;

/// <summary>The way forward: whom to ask, in the asker's language, and how to reach them when the pack says.</summary>
public sealed class ContactCardsTests
{
    private static readonly Organisation Bare = new("x", "X kommune", "X", "nb-NO", "T", null, "Kommunikasjonsavdelingen", "Gir råd.");

    private static readonly Organisation Full = Bare with
    {
        ContactEmail = "kommunikasjon@x.kommune.no",
        ContactPhone = "61 00 00 00",
        ContactUrl = "https://intranett.x.kommune.no/kommunikasjon",
        ContactUnitEnglish = "the communication department",
        ContactDescriptionEnglish = "Gives advice.",
    };

    [Fact]
    public void Without_ways_to_reach_it_the_line_is_who_and_what()
    {
        Assert.Equal("Spør kommunikasjonsavdelingen: Gir råd.", ContactCards.AskLine(Bare));
        Assert.Equal("Ask kommunikasjonsavdelingen: Gir råd.", ContactCards.AskLine(Bare, english: true));
    }

    [Fact]
    public void The_pack_s_english_words_and_ways_to_reach_the_contact_are_used()
    {
        Assert.Equal("Spør kommunikasjonsavdelingen: Gir råd.\nE-post: kommunikasjon@x.kommune.no · Telefon: 61 00 00 00 · Nettside: https://intranett.x.kommune.no/kommunikasjon", ContactCards.AskLine(Full));
        Assert.Equal("Ask the communication department: Gives advice.\nEmail: kommunikasjon@x.kommune.no · Phone: 61 00 00 00 · Web: https://intranett.x.kommune.no/kommunikasjon", ContactCards.AskLine(Full, english: true));
        Assert.Equal("**Ask the communication department.** Gives advice. Email: kommunikasjon@x.kommune.no · Phone: 61 00 00 00 · Web: https://intranett.x.kommune.no/kommunikasjon",
            ContactCards.Block(Full, english: true)["text"]!.GetValue<string>());
    }
}
