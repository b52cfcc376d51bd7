using System.Text.Json.Nodes;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Content;

namespace StrategiBot.Dialogs;

/// <summary>
/// A dialog step as a card with one button per choice, and the same choices numbered in the text, so a
/// client that shows no cards (or a user who prefers typing) can answer with the number or the label.
/// </summary>
internal static class DialogCards
{
    public static JsonObject Step(DialogDefinition dialog, DialogStep step, string? note = null)
    {
        var body = new List<JsonNode>();
        if (note is not null)
        {
            body.Add(AdaptiveCards.Text(note));
        }
        body.Add(AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"));
        body.Add(AdaptiveCards.Heading(step.Question));
        body.Add(AdaptiveCards.Text(string.Join("\r", step.Choices.Select((c, i) => $"{i + 1}. {c.Label}")), subtle: true));
        body.Add(AdaptiveCards.Text("Trykk på et svar eller skriv tallet. Skriv «avbryt» for å avslutte.", subtle: true, size: "Small"));
        var actions = step.Choices.Select(c => AdaptiveCards.Submit(c.Label, new JsonObject
        {
            ["dialog"] = dialog.Id,
            ["step"] = step.Id,
            ["choice"] = c.Id,
        }));
        return AdaptiveCards.Card(body, actions);
    }

    public static JsonObject Outcome(DialogDefinition dialog, DialogOutcome outcome, Organisation organisation)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(dialog.Title, subtle: true, size: "Small"),
            AdaptiveCards.Heading(outcome.Title),
            AdaptiveCards.Text(outcome.Guidance),
            AdaptiveCards.Text("Dette bygger på:", subtle: true),
        };
        foreach (var cite in outcome.Cites)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["style"] = "emphasis",
                ["items"] = new JsonArray(
                    AdaptiveCards.Text(cite.Text),
                    AdaptiveCards.Text("Kilde: " + cite.SectionTitle, subtle: true, size: "Small")),
            });
        }
        if (outcome.Contact)
        {
            body.Add(AdaptiveCards.Text($"**Spør {organisation.ContactUnit}.** {organisation.ContactDescription}"));
        }
        var actions = new List<JsonNode>();
        if (outcome.Checklist is { } checklist)
        {
            actions.Add(ChecklistCards.OpenButton(checklist.Id, checklist.Title));
        }
        actions.Add(AdaptiveCards.Submit("Gå gjennom på nytt", new JsonObject { ["dialog"] = dialog.Id, ["restart"] = true }));
        return AdaptiveCards.Card(body, actions);
    }
}
