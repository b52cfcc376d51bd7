using System.Globalization;
using System.Text.Json.Nodes;
using StrategiBot.Cards;

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
/// fetches their own view.
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
        var done = checklist.Items.Count(i => ticked.Contains(i.Id));
        var body = Intro(checklist);
        if (note is not null)
        {
            body.Add(AdaptiveCards.Text(note, subtle: true));
        }
        body.Add(Progress(done, checklist.Items.Count));
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
                            ["title"] = "Vis regelen: " + item.Text,
                            ["targetElements"] = new JsonArray(ruleId),
                        },
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "TextBlock",
                            ["text"] = "Vis regelen",
                            ["color"] = "Accent",
                            ["size"] = "Small",
                        }),
                    }),
            });
            var rule = AdaptiveCards.Citation(item.Source.Text, Source(item));
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
            UniversalAction.Button("Lagre", Save, save, view.UniversalActions),
            ConfirmReset(checklist, view.UniversalActions),
        ], fullWidth: true);
        if (view.UniversalActions && view.UserId is { } userId)
        {
            UniversalAction.AddRefresh(card, Refresh, Data(checklist), [userId]);
        }
        return card;
    }

    /// <summary>
    /// The card posted to a Teams group chat: what the checklist is, and no one's ticks. Teams fetches the
    /// poster's own view at once (refresh); everyone else gets theirs with the button, answered only to them.
    /// </summary>
    public static JsonObject Shared(ChecklistDefinition checklist, string? posterId)
    {
        var body = Intro(checklist);
        body.Add(AdaptiveCards.Text(string.Create(CultureInfo.InvariantCulture, $"**{checklist.Items.Count} punkter** å sjekke")));
        body.Add(AdaptiveCards.Text("Hver person ser og lagrer sine egne avkryssinger. Trykk «Vis mine avkryssinger» for å krysse av.", subtle: true));
        var card = AdaptiveCards.Card(body, [UniversalAction.Button("Vis mine avkryssinger", Refresh, Data(checklist), universal: true)], fullWidth: true);
        if (posterId is not null)
        {
            UniversalAction.AddRefresh(card, Refresh, Data(checklist), [posterId]);
        }
        return card;
    }

    /// <summary>The organisation's checklists, each with a button that opens it as a new card.</summary>
    public static JsonObject List(IReadOnlyList<ChecklistDefinition> checklists, bool english)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCards.Heading(english ? "Checklists" : "Sjekklister"),
            AdaptiveCards.Text(english
                ? "Go through a checklist before you act. Your ticks are saved, so you can continue later or on another device. The checklists are in Norwegian, like the strategy."
                : "Gå gjennom en sjekkliste før du handler. Avkryssingene dine lagres, så du kan fortsette senere eller på en annen enhet."),
        };
        body.AddRange(checklists.Select(c => AdaptiveCards.Text(c.Description.Length > 0 ? $"**{c.Title}**: {c.Description}" : $"**{c.Title}**")));
        return AdaptiveCards.Card(body, checklists.Select(OpenButton));
    }

    /// <summary>A button that opens a checklist as a new card (dialog outcomes offer one).</summary>
    public static JsonObject OpenButton(string checklistId, string title, bool english = false) =>
        AdaptiveCards.Submit(english ? $"Checklist: {title}" : $"Sjekkliste: {title}", new JsonObject { [ChecklistKey] = checklistId, [UniversalAction.VerbKey] = Open });

    private static JsonObject OpenButton(ChecklistDefinition checklist) => OpenButton(checklist.Id, checklist.Title);

    public static string ProgressText(int done, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"**{done} av {total}** er sjekket");

    private static JsonObject Progress(int done, int total) => new()
    {
        ["type"] = "TextBlock",
        ["id"] = "progress",
        ["text"] = ProgressText(done, total),
        ["wrap"] = true,
    };

    private static List<JsonNode> Intro(ChecklistDefinition checklist)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text("Sjekkliste", subtle: true, size: "Small"),
            AdaptiveCards.Heading(checklist.Title),
        };
        if (checklist.Description.Length > 0)
        {
            body.Add(AdaptiveCards.Text(checklist.Description));
        }
        return body;
    }

    /// <summary>Reset wipes saved progress, so it opens a confirmation first instead of acting on one tap.</summary>
    private static JsonObject ConfirmReset(ChecklistDefinition checklist, bool universal) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = "Nullstill …",
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(AdaptiveCards.Text("Alle avkryssingene dine på denne sjekklisten blir fjernet.")),
            ["actions"] = new JsonArray(UniversalAction.Button("Ja, fjern alle avkryssinger", Reset, Data(checklist), universal)),
        },
    };

    private static string Source(ChecklistItem item) =>
        item.Source.RuleNumber is { } number
            ? string.Create(CultureInfo.InvariantCulture, $"Kilde: {item.Source.SectionTitle}, regel {number}")
            : "Kilde: " + item.Source.SectionTitle;

    private static JsonObject Data(ChecklistDefinition checklist) => new() { [ChecklistKey] = checklist.Id };
}
