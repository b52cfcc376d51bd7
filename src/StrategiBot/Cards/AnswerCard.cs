using System.Text.Json.Nodes;
using StrategiBot.Answering;
using StrategiBot.Conversation;

namespace StrategiBot.Cards;

/// <summary>
/// An answer as a card: the lead-in, the quoted passage set apart with its section, further passages
/// behind "Se også" buttons (no round trip), the contact as the way forward (unfolded on request, or
/// shown when the strategy is silent), and "Var dette nyttig?".
/// </summary>
internal static class AnswerCard
{
    public static JsonObject Build(ComposedAnswer composed, bool universalActions = false)
    {
        var english = composed.Language == Language.English;
        var answer = composed.Answer;
        var body = new List<JsonNode> { AdaptiveCards.Text(composed.LeadIn, size: null) };
        var actions = new List<JsonNode>();

        if (answer.Answered)
        {
            var best = answer.Citations[0];
            body.Add(Quote(best, english));
            for (var i = 1; i < answer.Citations.Count; i++)
            {
                var further = answer.Citations[i];
                actions.Add(new JsonObject
                {
                    ["type"] = "Action.ShowCard",
                    ["title"] = (english ? "See also: " : "Se også: ")
                        + (answer.ContinuesEarlierSection(i) ? further.Opening(45) : ShortTitle(further.SectionTitle)),
                    ["card"] = new JsonObject
                    {
                        ["type"] = "AdaptiveCard",
                        ["body"] = new JsonArray(Quote(further, english)),
                    },
                });
            }
            actions.Add(ContactCards.AskAction(composed.Organisation, english));
        }
        else
        {
            if (answer.Suggestions.Count > 0)
            {
                body.Add(AdaptiveCards.Text(english ? "Did you mean:" : "Mente du:", subtle: true));
                // Right under their heading, not at the foot of the card below the contact and the vote.
                // The full title names one section; the bot shows that section rather than searching again.
                body.Add(new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray([.. answer.Suggestions.Select(s => (JsonNode)AdaptiveCards.ImBack(ShortTitle(s.Title), s.Title))]),
                });
            }
            body.Add(ContactCards.Block(composed.Organisation, english));
        }
        body.AddRange(FeedbackCards.Prompt(new FeedbackSubject(
            FeedbackSubject.AnswerSource,
            answer.Question,
            answer.Answered ? answer.Citations[0].SectionId : null,
            english,
            universalActions)));
        // Quoted passages run to 1,000 characters: a paragraph reads better across the chat than in a narrow column.
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }

    private static JsonObject Quote(Citation citation, bool english) =>
        AdaptiveCards.Citation(citation.Text, AdaptiveCards.SourceLine(citation.SectionTitle, english));

    /// <summary>
    /// What Teams shows for the answer in the chat list and its notification: the section and how its
    /// passage opens, so answers are told apart there; the lead-in when nothing is quoted.
    /// </summary>
    public static string Summary(ComposedAnswer composed) =>
        composed.Answer is { Answered: true, Citations: [var best, ..] }
            ? $"{ShortTitle(best.SectionTitle)}: {best.Opening(60)}"
            : composed.LeadIn;

    /// <summary>The last part of a section path, which is what a button has room for.</summary>
    private static string ShortTitle(string fullTitle)
    {
        var last = fullTitle.Split(" › ")[^1];
        return last.Length <= 60 ? last : TextCut.AtWord(last, 57);
    }
}
