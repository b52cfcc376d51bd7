using System.Text.Json.Nodes;
using StrategiBot.Content;

namespace StrategiBot.Cards;

/// <summary>
/// "Spør kommunikasjonsavdelingen": the organisation's own contact (from <c>organisation.yaml</c>) as the
/// way forward when an answer is not enough, for answer cards, dialog outcomes and feedback replies alike.
/// </summary>
internal static class ContactCards
{
    /// <summary>The contact in one paragraph: who to ask and what they help with.</summary>
    public static JsonObject Block(Organisation organisation, bool english = false) =>
        AdaptiveCards.Text($"**{AskTitle(organisation, english)}.** {organisation.ContactDescription}");

    /// <summary>A button that unfolds the contact on the card itself, without a round trip.</summary>
    public static JsonObject AskAction(Organisation organisation, bool english = false) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = AskTitle(organisation, english),
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(Block(organisation, english)),
        },
    };

    /// <summary>"Spør kommunikasjonsavdelingen": the start of the contact paragraph and the button's title.</summary>
    public static string AskTitle(Organisation organisation, bool english = false) =>
        (english ? "Ask " : "Spør ") + organisation.ContactUnitInSentence;

    /// <summary>Whom to ask and how, as one line of plain text.</summary>
    public static string AskLine(Organisation organisation, bool english = false) =>
        $"{AskTitle(organisation, english)}: {organisation.ContactDescription}";
}
