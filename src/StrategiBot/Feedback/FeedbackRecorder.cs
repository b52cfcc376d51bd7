using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Feedback;

/// <summary>
/// Stores a thumbs up or down from an answer or dialog card with the question and the cited section, and
/// thanks the user; a thumbs down also says whom to ask. Nothing about the user beyond the pseudonymous key.
/// </summary>
internal sealed class FeedbackRecorder(KnowledgeBase knowledge, IStateStore store, UserKeys users, TimeProvider clock, ILogger<FeedbackRecorder> logger)
{
    /// <summary>Handles <c>{feedback: {...}}</c>; false when the submission is not feedback.</summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(FeedbackCards.ValueKey, out var vote))
        {
            return false;
        }
        var organisation = knowledge.Organisation(organisationId);
        var english = IsEnglish(vote);
        if (await StoreAsync(turn, vote, organisationId, ct) is not { } stored)
        {
            await turn.SendAsync(turn.Activity.CreateReply(Unreadable(english)), ct);
            return true;
        }
        await turn.SendAsync(AdaptiveCards.ToActivity(FeedbackCards.Thanks(stored.Helpful, organisation, english), english ? "Thanks" : "Takk"), ct);
        return true;
    }

    /// <summary>A vote pressed in Teams: stored the same way, thanked with a message only the voter sees.</summary>
    public async Task<InvokeResponse> OnExecuteAsync(TurnContext turn, UniversalAction action, string organisationId, CancellationToken ct)
    {
        var vote = action.Data.TryGetProperty(FeedbackCards.ValueKey, out var v) ? v : default;
        var english = IsEnglish(vote);
        if (await StoreAsync(turn, vote, organisationId, ct) is not { } stored)
        {
            return InvokeResponses.BadRequest(Unreadable(english));
        }
        return InvokeResponses.Message(FeedbackCards.ThanksText(stored.Helpful, knowledge.Organisation(organisationId), english));
    }

    private async Task<FeedbackEntry?> StoreAsync(TurnContext turn, JsonElement vote, string organisationId, CancellationToken ct)
    {
        if (Read(vote, organisationId) is not { } entry || users.For(turn.Activity) is not { } userKey)
        {
            Log.FeedbackRejected(logger);
            return null;
        }
        var stored = entry with { UserKey = userKey, At = clock.GetUtcNow() };
        // Every vote of the organisation goes into this one log; UpdateAsync lets concurrent votes take turns.
        await store.UpdateAsync(FeedbackLog.Key(organisationId), log => (log ?? new FeedbackLog([])).With(stored), ct);
        Log.FeedbackStored(logger, stored.Source, stored.SectionId ?? "-", stored.Helpful);
        return stored;
    }

    private static bool IsEnglish(JsonElement vote) =>
        vote.ValueKind == JsonValueKind.Object && vote.StringProperty("lang") == "en";

    private static string Unreadable(bool english) => english
        ? "I could not read that feedback, so nothing was stored. Try the buttons on a new answer."
        : "Jeg klarte ikke å lese den tilbakemeldingen, så ingenting ble lagret. Prøv knappene på et nytt svar.";

    /// <summary>The vote as the card posted it, or null when anything is missing, too long or unknown.</summary>
    private FeedbackEntry? Read(JsonElement vote, string organisationId)
    {
        if (vote.ValueKind != JsonValueKind.Object
            || !vote.TryGetProperty("helpful", out var helpful) || helpful.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            || vote.StringProperty("source") is not { } source || source is not (FeedbackSubject.AnswerSource or FeedbackSubject.DialogSource)
            || vote.StringProperty("question") is not { Length: > 0 and <= FeedbackSubject.MaxQuestionLength } question)
        {
            return null;
        }
        // A section that is there but not text is a forged or broken card, not a vote without a section.
        if (vote.TryGetProperty("section", out var sectionValue) && sectionValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return null;
        }
        var section = vote.StringProperty("section");
        if (section is not null && knowledge.Pack(organisationId)?.Strategy.Find(section) is null)
        {
            return null;
        }
        return new FeedbackEntry(string.Empty, source, question, section, helpful.ValueKind == JsonValueKind.True, default);
    }
}
