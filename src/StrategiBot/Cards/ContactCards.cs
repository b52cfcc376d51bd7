using System.Text.Json.Nodes;
using StrategiBot.Content;

namespace StrategiBot.Cards;

/// <summary>
/// "Spør kommunikasjonsavdelingen": the organisation's own contact (from <c>organisation.yaml</c>) as the
/// way forward when an answer is not enough, for answer cards, dialog outcomes and feedback replies alike.
/// </summary>
internal static class ContactCards
{
    /// <summary>The contact in one paragraph: who to ask, what they help with, and how to reach them.</summary>
    public static JsonObject Block(Organisation organisation, bool english = false) =>
        AdaptiveCards.Text($"**{AskTitle(organisation, english)}.** {Description(organisation, english)}{Reach(organisation, english, " ")}");

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
        english ? "Ask " + (organisation.ContactUnitEnglish ?? organisation.ContactUnitInSentence) : "Spør " + organisation.ContactUnitInSentence;

    /// <summary>Whom to ask and how, as plain text.</summary>
    public static string AskLine(Organisation organisation, bool english = false) =>
        $"{AskTitle(organisation, english)}: {Description(organisation, english)}{Reach(organisation, english, "\n")}";

    private static string Description(Organisation organisation, bool english) =>
        english ? organisation.ContactDescriptionEnglish ?? organisation.ContactDescription : organisation.ContactDescription;

    /// <summary>" E-post: … · Telefon: … · Nettside: …" for what the pack gives; nothing when it gives none.</summary>
    private static string Reach(Organisation organisation, bool english, string separator)
    {
        var ways = new[]
        {
            (english ? "Email" : "E-post", organisation.ContactEmail),
            (english ? "Phone" : "Telefon", organisation.ContactPhone),
            (english ? "Web" : "Nettside", organisation.ContactUrl),
        }.Where(w => w.Item2 is not null).Select(w => $"{w.Item1}: {w.Item2}").ToList();
        return ways.Count == 0 ? string.Empty : separator + string.Join(" · ", ways);
    }
}
