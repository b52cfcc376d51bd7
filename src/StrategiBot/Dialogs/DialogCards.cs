using System.Text.Json.Nodes;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Content;

namespace StrategiBot.Dialogs;

/// <summary>
/// A dialog step as a card with one button per choice (a list to pick from and one "Svar" button when there
/// are more choices than a card may hold buttons), and the same choices numbered in the text, so a client
/// that shows no cards (or a user who prefers typing) can answer with the number or the label.
/// </summary>
internal static class DialogCards
{
    /// <summary>The key naming the dialog in every submission of a dialog card; how the router knows them.</summary>
    public const string DialogKey = "dialog";

    public static JsonObject Step(DialogDefinition dialog, DialogStep step, string? note = null)
    {
        var body = new List<JsonNode>();
        if (note is not null)
        {
            body.Add(AdaptiveCards.Text(note));
        }
        body.Add(AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"));
        body.Add(AdaptiveCards.Heading(step.Question));
        if (step.Choices.Count > AdaptiveCards.MaxActions)
        {
            // Too many for buttons: a numbered list to pick from, whose value Teams merges into the submitted data as "choice".
            body.Add(ChoiceList(step));
            body.Add(AdaptiveCards.Text("Velg et svar og trykk «Svar», eller skriv tallet. Skriv «avbryt» for å avslutte.", subtle: true, size: "Small"));
            return AdaptiveCards.Card(body, [AdaptiveCards.Submit("Svar", new JsonObject { [DialogKey] = dialog.Id, ["step"] = step.Id })], fullWidth: true);
        }
        body.Add(AdaptiveCards.Text(string.Join("\r", step.Choices.Select((c, i) => $"{i + 1}. {c.Label}")), subtle: true));
        body.Add(AdaptiveCards.Text("Trykk på et svar eller skriv tallet. Skriv «avbryt» for å avslutte.", subtle: true, size: "Small"));
        var actions = step.Choices.Select(c => AdaptiveCards.Submit(c.Label, new JsonObject
        {
            [DialogKey] = dialog.Id,
            ["step"] = step.Id,
            ["choice"] = c.Id,
        }));
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }

    private static JsonObject ChoiceList(DialogStep step) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = "choice",
        ["label"] = "Velg et svar",
        ["style"] = "expanded",
        ["isRequired"] = true,
        ["errorMessage"] = "Velg et av svarene.",
        ["choices"] = new JsonArray([.. step.Choices.Select((c, i) => (JsonNode)new JsonObject { ["title"] = $"{i + 1}. {c.Label}", ["value"] = c.Id })]),
    };

    /// <summary>
    /// The cited texts, each once: two quotes from one paragraph cite that paragraph twice, and a list item
    /// may be cited beside the passage that holds it.
    /// </summary>
    private static IEnumerable<StrategyCitation> Distinct(IReadOnlyList<StrategyCitation> cites) =>
        cites.Where((cite, i) => !cites.Where((other, j) => j != i
            && other.Text.Contains(cite.Text, StringComparison.Ordinal)
            && (other.Text.Length > cite.Text.Length || j < i)).Any());

    public static JsonObject Outcome(DialogDefinition dialog, DialogOutcome outcome, Organisation organisation, bool universalActions = false)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"),
            AdaptiveCards.Heading(outcome.Title),
            AdaptiveCards.Text(outcome.Guidance),
            AdaptiveCards.Text("Dette bygger på:", subtle: true),
        };
        body.AddRange(Distinct(outcome.Cites).Select(cite => AdaptiveCards.Citation(cite.Text, "Kilde: " + cite.SectionTitle)));
        var actions = new List<JsonNode> { AdaptiveCards.Submit("Gå gjennom på nytt", new JsonObject { [DialogKey] = dialog.Id, ["restart"] = true }) };
        if (outcome.Contact)
        {
            body.Add(ContactCards.Block(organisation));
        }
        else
        {
            actions.Add(ContactCards.AskAction(organisation));
        }
        if (outcome.Checklist is { } checklist)
        {
            actions.Insert(0, ChecklistCards.OpenButton(checklist.Id, checklist.Title));
        }
        body.AddRange(FeedbackCards.Prompt(new FeedbackSubject(FeedbackSubject.DialogSource, $"{dialog.Title} › {outcome.Title}", outcome.Cites[0].SectionId, UniversalActions: universalActions)));
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }
}
