using System.Text.Json.Nodes;
using StrategiBot.Content;

namespace StrategiBot.Cards;

/// <summary>What a "Var dette nyttig?" vote is about: where it was asked, the question, and the section it rests on.</summary>
internal sealed record FeedbackSubject(string Source, string Question, string? SectionId, bool English = false, bool UniversalActions = false)
{
    /// <summary>Votes come from answers to questions ...</summary>
    public const string AnswerSource = "answer";

    /// <summary>... and from the end of a guided dialog.</summary>
    public const string DialogSource = "dialog";

    /// <summary>
    /// The longest question a vote carries; longer ones are cut, so a card stays small and the votes an
    /// organisation keeps (all in one record) stay cheap to rewrite.
    /// </summary>
    public const int MaxQuestionLength = 300;
}

/// <summary>
/// "Var dette nyttig?" with thumbs up and down on answer and dialog cards. The buttons post
/// <c>{feedback: {helpful, source, question, section, lang}}</c>, which the feedback feature stores.
/// </summary>
internal static class FeedbackCards
{
    public const string ValueKey = "feedback";

    /// <summary>
    /// The vote's verb. In Teams a vote is an <c>Action.Execute</c>, thanked with a message only the voter
    /// sees, so a group chat is not filled with thank-you cards; elsewhere it is an <c>Action.Submit</c>.
    /// </summary>
    public const string VoteVerb = "feedback.vote";

    /// <summary>The question and its two buttons, as body elements to add at the end of a card.</summary>
    public static IEnumerable<JsonNode> Prompt(FeedbackSubject subject)
    {
        yield return AdaptiveCards.Text(subject.English ? "Was this helpful?" : "Var dette nyttig?", subtle: true, size: "Small");
        yield return new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(
                Vote(subject, helpful: true, subject.English ? "👍 Yes" : "👍 Ja"),
                Vote(subject, helpful: false, subject.English ? "👎 No" : "👎 Nei")),
        };
    }

    /// <summary>The thanks as one line, for the message Teams shows the voter; a thumbs down also says whom to ask.</summary>
    public static string ThanksText(bool helpful, Organisation organisation, bool english) => helpful
        ? english ? "Thank you for the feedback!" : "Takk for tilbakemeldingen!"
        : (english ? "Thank you for telling me. " : "Takk for at du sa fra. ") + ContactCards.AskLine(organisation, english);

    /// <summary>The reply to a vote: thanks, and after a thumbs down, whom to ask instead.</summary>
    public static JsonObject Thanks(bool helpful, Organisation organisation, bool english)
    {
        if (helpful)
        {
            return AdaptiveCards.Card([AdaptiveCards.Text(ThanksText(helpful, organisation, english))]);
        }
        return AdaptiveCards.Card(
        [
            AdaptiveCards.Text(english
                // Not "the communication team": in Trondheim the contact is your line manager.
                ? "Thank you for telling me. If the answer was not enough, you can get help here:"
                : "Takk for at du sa fra. Hvis svaret ikke var godt nok, kan du få hjelp her:"),
            ContactCards.Block(organisation, english),
        ], fullWidth: true);
    }

    private static JsonObject Vote(FeedbackSubject subject, bool helpful, string title)
    {
        var question = subject.Question.Length <= FeedbackSubject.MaxQuestionLength ? subject.Question : subject.Question[..FeedbackSubject.MaxQuestionLength];
        var data = new JsonObject
        {
            ["helpful"] = helpful,
            ["source"] = subject.Source,
            ["question"] = question,
        };
        if (subject.SectionId is not null)
        {
            data["section"] = subject.SectionId;
        }
        if (subject.English)
        {
            data["lang"] = "en";
        }
        return UniversalAction.Button(title, VoteVerb, new JsonObject { [ValueKey] = data }, subject.UniversalActions);
    }
}
