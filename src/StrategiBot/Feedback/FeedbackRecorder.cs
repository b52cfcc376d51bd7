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
internal sealed class FeedbackRecorder(KnowledgeBase knowledge, IStateStore store, TimeProvider clock, ILogger<FeedbackRecorder> logger)
{
    /// <summary>Handles <c>{feedback: {...}}</c>; false when the submission is not feedback.</summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(FeedbackCards.ValueKey, out var vote))
        {
            return false;
        }
        var organisation = knowledge.Pack(organisationId)!.Organisation;
        var english = vote.StringProperty("lang") == "en";
        if (Read(vote, organisationId) is not { } entry || UserKeys.For(turn.Activity) is not { } userKey)
        {
            Log.FeedbackRejected(logger);
            await turn.SendAsync(turn.Activity.CreateReply(english
                ? "I could not read that feedback, so nothing was stored. Try the buttons on a new answer."
                : "Jeg klarte ikke å lese den tilbakemeldingen, så ingenting ble lagret. Prøv knappene på et nytt svar."), ct);
            return true;
        }
        var stored = entry with { UserKey = userKey, At = clock.GetUtcNow() };
        await store.UpdateAsync(FeedbackLog.Key(organisationId), log => (log ?? new FeedbackLog([])).With(stored), ct);
        Log.FeedbackStored(logger, stored.Source, stored.SectionId ?? "-", stored.Helpful);
        await turn.SendAsync(AdaptiveCards.ToActivity(FeedbackCards.Thanks(stored.Helpful, organisation, english), english ? "Thanks" : "Takk"), ct);
        return true;
    }

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
