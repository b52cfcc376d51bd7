using System.Globalization;
using System.Text.Json.Nodes;
using StrategiBot.Cards;
using StrategiBot.Conversation;

namespace StrategiBot.Checklists;

/// <summary>
/// Who the card is drawn for: Teams gets Universal Actions and a per-user refresh; other clients Action.Submit.
/// <paramref name="Owner"/> is the drawn-for user's owner tag, which the save button carries so a save from
/// anyone else is recognised and refused.
/// </summary>
internal sealed record ChecklistView(bool UniversalActions, string? UserId, string? Owner);

/// <summary>
/// A checklist as a card: one toggle per item with its rule behind a "Vis regelen" toggle, the progress
/// ("3 av 7"), a closing line once everything is ticked, and buttons to save and (after a confirmation) to
/// reset. In a Teams group chat the posted card is <see cref="Shared"/>: no ticks at all, each person
/// fetches their own view. A checklist in English (<see cref="ChecklistDefinition.Language"/>) gets English
/// around its texts, and its buttons carry the language so every press is answered in English.
/// </summary>
internal static class ChecklistCards
{
    public const string Open = "checklist.open";
    public const string Save = "checklist.save";
    public const string Reset = "checklist.reset";
    public const string Refresh = "checklist.refresh";

    /// <summary>The data key naming the checklist, in every action the checklist cards send.</summary>
    public const string ChecklistKey = "checklist";

    /// <summary>The data key of the save button naming whose ticks the card shows (an owner tag, not an id).</summary>
    public const string OwnerKey = "owner";

    /// <summary>The input id of an item's toggle; its value arrives as "true" or "false".</summary>
    public static string InputId(ChecklistItem item) => "item-" + item.Id;

    public static JsonObject Checklist(ChecklistDefinition checklist, IReadOnlyCollection<string> ticked, ChecklistView view, string? note = null)
    {
        var words = Words.In(checklist.Language);
        var done = checklist.Items.Count(i => ticked.Contains(i.Id));
        var body = Intro(checklist);
        if (note is not null)
        {
            body.Add(AdaptiveCards.Text(note, subtle: true));
        }
        body.Add(Progress(done, checklist.Items.Count, checklist.Language));
        foreach (var item in checklist.Items)
        {
            if (item.Heading is { } heading)
            {
                body.Add(AdaptiveCards.Subheading(heading));
            }
            var ruleId = "rule-" + item.Id;
            // The rule sits one tap away beside its item, so the list stays short on a phone.
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Column",
                        ["width"] = "stretch",
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "Input.Toggle",
                            ["id"] = InputId(item),
                            ["title"] = item.Text,
                            ["value"] = ticked.Contains(item.Id) ? "true" : "false",
                            ["valueOn"] = "true",
                            ["valueOff"] = "false",
                            ["wrap"] = true,
                        }),
                    },
                    new JsonObject
                    {
                        ["type"] = "Column",
                        ["width"] = "auto",
                        ["verticalContentAlignment"] = "Center",
                        ["selectAction"] = new JsonObject
                        {
                            ["type"] = "Action.ToggleVisibility",
                            ["title"] = words.ShowRule + ": " + item.Text,
                            ["targetElements"] = new JsonArray(ruleId),
                        },
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "TextBlock",
                            ["text"] = words.ShowRule,
                            ["color"] = "Accent",
                            ["size"] = "Small",
                        }),
                    }),
            });
            var rule = AdaptiveCards.Citation(item.Source.Text, Source(item, words));
            rule["id"] = ruleId;
            rule["isVisible"] = false;
            body.Add(rule);
        }
        if (done == checklist.Items.Count)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = checklist.Done, ["wrap"] = true, ["weight"] = "Bolder", ["color"] = "Good" });
        }

        var save = Data(checklist);
        if (view.Owner is { } owner)
        {
            save[OwnerKey] = owner;
        }
        var card = AdaptiveCards.Card(body,
        [
            UniversalAction.Button(words.Save, Save, save, view.UniversalActions),
            ConfirmReset(checklist, view.UniversalActions),
        ], fullWidth: true);
        if (view.UniversalActions && view.UserId is { } userId)
        {
            UniversalAction.AddRefresh(card, words.Update, Refresh, Data(checklist), [userId]);
        }
        return card;
    }

    /// <summary>
    /// The card posted to a Teams group chat: what the checklist is, and no one's ticks. Teams fetches the
    /// poster's own view at once (refresh); everyone else gets theirs with the button, answered only to them.
    /// </summary>
    public static JsonObject Shared(ChecklistDefinition checklist, string? posterId)
    {
        var words = Words.In(checklist.Language);
        var body = Intro(checklist);
        body.Add(AdaptiveCards.Text(string.Format(CultureInfo.InvariantCulture, words.ItemsToCheck, checklist.Items.Count)));
        body.Add(AdaptiveCards.Text(words.EachOwnTicks, subtle: true));
        var card = AdaptiveCards.Card(body, [UniversalAction.Button(words.ShowMyTicks, Refresh, Data(checklist), universal: true)], fullWidth: true);
        if (posterId is not null)
        {
            UniversalAction.AddRefresh(card, words.Update, Refresh, Data(checklist), [posterId]);
        }
        return card;
    }

    /// <summary>
    /// The organisation's checklists, each with a button that opens it as a new card, in
    /// <paramref name="language"/> where a checklist has it.
    /// </summary>
    public static JsonObject List(IReadOnlyList<ChecklistDefinition> checklists, Language language)
    {
        var shown = checklists.Select(c => (c.Id, Title: c.TitleFor(language), c.In(language).Description)).ToList();
        var english = language == Language.English;
        var intro = english
            ? "Go through a checklist before you act. Your ticks are saved, so you can continue later or on another device. The rules are quoted in Norwegian, as the strategy writes them."
            : "Gå gjennom en sjekkliste før du handler. Avkryssingene dine lagres, så du kan fortsette senere eller på en annen enhet.";
        if (english && checklists.Any(c => c.English is null))
        {
            intro += " Checklists marked (in Norwegian) have no English yet.";
        }
        var body = new List<JsonNode> { AdaptiveCards.Heading(english ? "Checklists" : "Sjekklister"), AdaptiveCards.Text(intro) };
        body.AddRange(shown.Select(c => AdaptiveCards.Text(c.Description.Length > 0 ? $"**{c.Title}**: {c.Description}" : $"**{c.Title}**")));
        return AdaptiveCards.Card(body, shown.Select(c => OpenButton(c.Id, c.Title, language)));
    }


    /// <summary>
    /// A button that opens a checklist as a new card (the list and dialog outcomes offer one); it opens in
    /// <paramref name="language"/>, where the checklist has that language.
    /// </summary>
    public static JsonObject OpenButton(string checklistId, string title, Language language = Language.Norwegian)
    {
        var data = new JsonObject { [ChecklistKey] = checklistId, [UniversalAction.VerbKey] = Open };
        CardLanguage.Mark(data, language);
        return AdaptiveCards.Submit((language == Language.English ? "Checklist: " : "Sjekkliste: ") + title, data);
    }

    public static string ProgressText(int done, int total, Language language = Language.Norwegian) =>
        string.Format(CultureInfo.InvariantCulture, Words.In(language).Progress, done, total);

    private static JsonObject Progress(int done, int total, Language language) => new()
    {
        ["type"] = "TextBlock",
        ["id"] = "progress",
        ["text"] = ProgressText(done, total, language),
        ["wrap"] = true,
    };

    private static List<JsonNode> Intro(ChecklistDefinition checklist)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(Words.In(checklist.Language).Checklist, subtle: true, size: "Small"),
            AdaptiveCards.Heading(checklist.Title),
        };
        if (checklist.Description.Length > 0)
        {
            body.Add(AdaptiveCards.Text(checklist.Description));
        }
        return body;
    }

    /// <summary>Reset wipes saved progress, so it opens a confirmation first instead of acting on one tap.</summary>
    private static JsonObject ConfirmReset(ChecklistDefinition checklist, bool universal)
    {
        var words = Words.In(checklist.Language);
        return AdaptiveCards.Confirm(words.Reset, words.ResetWarning, UniversalAction.Button(words.ResetConfirm, Reset, Data(checklist), universal));
    }

    private static string Source(ChecklistItem item, Words words)
    {
        var title = AdaptiveCards.SourceTitle(item.Source.SectionTitle);
        return item.Source.RuleNumber is { } number
            ? string.Format(CultureInfo.InvariantCulture, words.SourceRule, title, number)
            : string.Format(CultureInfo.InvariantCulture, words.Source, title);
    }

    private static JsonObject Data(ChecklistDefinition checklist)
    {
        var data = new JsonObject { [ChecklistKey] = checklist.Id };
        CardLanguage.Mark(data, checklist.Language);
        return data;
    }

    /// <summary>The card's own words around the checklist's texts, in bokmål and English.</summary>
    private sealed record Words(
        string Checklist,
        string ShowRule,
        string Save,
        string Reset,
        string ResetWarning,
        string ResetConfirm,
        string Progress,
        string ItemsToCheck,
        string EachOwnTicks,
        string ShowMyTicks,
        string Update,
        string Source,
        string SourceRule)
    {
        private static readonly Words Norwegian = new(
            "Sjekkliste",
            "Vis regelen",
            "Lagre",
            "Nullstill …",
            "Alle avkryssingene dine på denne sjekklisten blir fjernet.",
            "Ja, fjern alle avkryssinger",
            "**{0} av {1}** er sjekket",
            "**{0} punkter** å sjekke",
            "Hver person ser og lagrer sine egne avkryssinger. Trykk «Vis mine avkryssinger» for å krysse av.",
            "Vis mine avkryssinger",
            "Oppdater",
            "Kilde: {0}",
            "Kilde: {0}, regel {1}");

        // The rule behind an item is the strategy's own bokmål; its source line says so.
        private static readonly Words English = new(
            "Checklist",
            "Show the rule",
            "Save",
            "Reset …",
            "All your ticks on this checklist will be removed.",
            "Yes, remove all ticks",
            "**{0} of {1}** checked",
            "**{0} items** to check",
            "Everyone sees and saves their own ticks. Press “Show my ticks” to tick.",
            "Show my ticks",
            "Update",
            "Source (quoted in Norwegian): {0}",
            "Source (quoted in Norwegian): {0}, rule {1}");

        public static Words In(Language language) => language == Language.English ? English : Norwegian;
    }
}
