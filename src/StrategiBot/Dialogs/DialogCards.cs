using System.Text.Json.Nodes;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Conversation;

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

    /// <summary>A submission's data: the dialog, its language when English, and what was pressed.</summary>
    private static JsonObject Data(DialogDefinition dialog)
    {
        var data = new JsonObject { [DialogKey] = dialog.Id };
        CardLanguage.Mark(data, dialog.Language);
        return data;
    }

    /// <param name="introduce">The dialog's first card: its description says what the guide is for.</param>
    public static JsonObject Step(DialogDefinition dialog, DialogStep step, string? note = null, bool introduce = false)
    {
        var english = dialog.Language == Language.English;
        var body = new List<JsonNode>();
        if (note is not null)
        {
            body.Add(AdaptiveCards.Text(note));
        }
        body.Add(AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"));
        if (introduce && dialog.Description.Length > 0)
        {
            body.Add(AdaptiveCards.Text(dialog.Description, subtle: true));
        }
        body.Add(AdaptiveCards.Heading(step.Question));
        if (step.Choices.Count > AdaptiveCards.MaxActions)
        {
            // Too many for buttons: a numbered list to pick from, whose value Teams merges into the submitted data as "choice".
            body.Add(ChoiceList(step, english));
            body.Add(AdaptiveCards.Text(english
                ? "Choose an answer and press “Answer”, or type its number. Type “cancel” to stop."
                : "Velg et svar og trykk «Svar», eller skriv tallet. Skriv «avbryt» for å avslutte.", subtle: true, size: "Small"));
            var data = Data(dialog);
            data["step"] = step.Id;
            return AdaptiveCards.Card(body, [AdaptiveCards.Submit(english ? "Answer" : "Svar", data)], fullWidth: true);
        }
        body.Add(AdaptiveCards.Text(string.Join("\r", step.Choices.Select((c, i) => $"{i + 1}. {c.Label}")), subtle: true));
        body.Add(AdaptiveCards.Text(english
            ? "Press an answer or type its number. Type “cancel” to stop."
            : "Trykk på et svar eller skriv tallet. Skriv «avbryt» for å avslutte.", subtle: true, size: "Small"));
        var actions = step.Choices.Select(c =>
        {
            var data = Data(dialog);
            data["step"] = step.Id;
            data["choice"] = c.Id;
            return AdaptiveCards.Submit(c.Label, data);
        });
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }

    private static JsonObject ChoiceList(DialogStep step, bool english) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = "choice",
        ["label"] = english ? "Choose an answer" : "Velg et svar",
        ["style"] = "expanded",
        ["isRequired"] = true,
        ["errorMessage"] = english ? "Choose one of the answers." : "Velg et av svarene.",
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
        var english = dialog.Language == Language.English;
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"),
            AdaptiveCards.Heading(outcome.Title),
            AdaptiveCards.Text(outcome.Guidance),
            // The strategy is quoted as written, in Norwegian, whatever language the guidance is in.
            AdaptiveCards.Text(english ? "This rests on the strategy (quoted in Norwegian):" : "Dette bygger på:", subtle: true),
        };
        body.AddRange(Distinct(outcome.Cites).Select(cite => AdaptiveCards.Citation(cite.Text, AdaptiveCards.SourceLine(cite.SectionTitle, english))));
        var restart = Data(dialog);
        restart["restart"] = true;
        var actions = new List<JsonNode> { AdaptiveCards.Submit(english ? "Start over" : "Gå gjennom på nytt", restart) };
        if (outcome.Contact)
        {
            body.Add(ContactCards.Block(organisation, english));
        }
        else
        {
            actions.Add(ContactCards.AskAction(organisation, english));
        }
        if (outcome.Checklist is { } checklist)
        {
            actions.Insert(0, ChecklistCards.OpenButton(checklist.Id, checklist.Title, dialog.Language));
        }
        body.AddRange(FeedbackCards.Prompt(new FeedbackSubject(FeedbackSubject.DialogSource, $"{dialog.Title} › {outcome.Title}", outcome.Cites[0].SectionId, English: english, UniversalActions: universalActions)));
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }
}
