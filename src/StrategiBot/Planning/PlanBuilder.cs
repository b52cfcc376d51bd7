using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;
using StrategiBot.Storage;

namespace StrategiBot.Planning;

/// <summary>
/// The communication-plan builder: shows the form one step (a heading of the template) at a time, stores
/// every step in the user's draft as it is sent, checks each step's required fields, lengths and choices
/// again on the server, resumes a draft where something is missing, and turns a complete form into the
/// finished plan as a card and as plain text. A draft belongs to one person, so the form lives in the
/// personal chat only: in a group chat or channel the bot says where to fill it in and shows nothing of it.
/// </summary>
internal sealed class PlanBuilder(PlanCatalog catalog, KnowledgeBase knowledge, IStateStore store, UserKeys users, TimeProvider clock, ILogger<PlanBuilder> logger)
{
    /// <summary>True when the message asks for a plan in words ("jeg må lage en kommunikasjonsplan").</summary>
    public bool IsAskedFor(string organisationId, MessageWords words) => catalog.MatchTrigger(organisationId, words) is not null;

    /// <summary>The organisation's plan template to fill in, when its strategy has one.</summary>
    private PlanForm? Template(string organisationId) => catalog.Find(organisationId, PlanCatalog.CommunicationPlan);

    public async Task OpenAsync(TurnContext turn, string organisationId, Language language, CancellationToken ct)
    {
        var organisation = knowledge.Organisation(organisationId);
        if (Template(organisationId) is not { } form)
        {
            // Another organisation's template would be another organisation's rules; say so instead.
            var english = language == Language.English;
            await turn.SendAsync(AdaptiveCards.ToActivity(AdaptiveCards.Card(
            [
                AdaptiveCards.Text(english
                    ? $"{organisation.EnglishName}'s communication strategy has no template for a communication plan, so I have no form to fill in."
                    : $"Kommunikasjonsstrategien til {organisation.Name} har ingen mal for kommunikasjonsplan, så jeg har ikke noe skjema å fylle ut."),
                ContactCards.Block(organisation, english),
            ], fullWidth: true), english ? "Communication plan" : "Kommunikasjonsplan"), ct);
            return;
        }
        if (turn.Activity.IsGroupConversation())
        {
            Log.PlanRedirectedToPersonalChat(logger);
            await turn.SendAsync(turn.Activity.CreateReply(PersonalChatNote(language)), ct);
            return;
        }
        var draft = await DraftAsync(turn, form, ct);
        Log.PlanOpened(logger, form.Id, draft is { Finished: false });
        // The template is the strategy's own, in bokmål; an English asker is told so rather than left to guess.
        const string InNorwegian = "The plan template is in Norwegian, as the strategy writes it; write your answers in whichever language suits the plan.";
        if (draft is not { Finished: false })
        {
            await SendStepAsync(turn, form, 0, organisation, Empty, language, note: language == Language.English ? InNorwegian : null, problem: false, draft?.Completed ?? 0, ct);
            return;
        }
        var step = ResumeStep(form, draft);
        var note = language == Language.English
            ? $"I found your draft from {NorwegianTime.EnglishDate(draft.SavedAt)} and filled it in, so you can go on at step {step + 1}. Press “Start over” to begin again. {InNorwegian}"
            : $"Jeg fant utkastet ditt fra {NorwegianTime.Date(draft.SavedAt)} og har fylt det inn, så du kan fortsette på steg {step + 1}. Trykk «Start på nytt» for å begynne på nytt.";
        await SendStepAsync(turn, form, step, organisation, draft.Values, language, note, problem: false, draft.Completed, ct);
    }

    /// <summary>
    /// Handles <c>{plan: {form, action, step}, "plan.&lt;field&gt;": ...}</c>, where the inputs are those of
    /// the step the button was on; false when the submission is not for a plan.
    /// </summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(PlanCards.ValueKey, out var plan))
        {
            return false;
        }
        // A card answers in the language it was drawn in.
        var language = CardLanguage.Of(value);
        var words = PlanWords.In(language);
        if (turn.Activity.IsGroupConversation())
        {
            // A plan card in a shared conversation (posted before plans were kept out of them, or forwarded):
            // a reply would show the presser's draft to everyone, and its inputs may hold someone else's.
            Log.PlanRedirectedToPersonalChat(logger);
            await turn.SendAsync(turn.Activity.CreateReply(words.NothingChanged + " " + PersonalChatNote(language)), ct);
            return true;
        }
        var form = plan.StringProperty("form") is { } formId ? catalog.Find(organisationId, formId) : null;
        var action = plan.StringProperty("action");
        var step = form is null ? null : StepIndex(plan, form);
        var known = action switch
        {
            PlanCards.RestartAction or PlanCards.EditAction => form is not null,
            PlanCards.NextAction or PlanCards.BackAction or PlanCards.SaveAction => step is not null,
            _ => false,
        };
        if (!known)
        {
            Log.PlanSubmissionRejected(logger);
            await turn.SendAsync(turn.Activity.CreateReply(words.UnknownButton), ct);
            return true;
        }
        if (users.For(turn.Activity) is not { } userKey)
        {
            // Each step is kept in the user's draft; without knowing the user, a later step would lose the earlier ones.
            await turn.SendAsync(turn.Activity.CreateReply(words.UnknownUser), ct);
            return true;
        }
        var key = PlanDraft.Key(form!.OrganisationId, form.Id, userKey);
        var organisation = knowledge.Organisation(organisationId);
        var draft = await store.GetAsync(key, ct);
        var saved = draft?.Values ?? Empty;
        var completed = draft?.Completed ?? 0;
        if (action is PlanCards.NextAction or PlanCards.SaveAction && PlanCards.CompletedOf(plan) < completed)
        {
            // A step card of a plan finished since (an old card in the chat, another device): its inputs,
            // empty or outdated, would overwrite the finished plan.
            Log.PlanSubmissionRejected(logger);
            await turn.SendAsync(turn.Activity.CreateReply(words.AlreadyFinished), ct);
            return true;
        }
        switch (action)
        {
            case PlanCards.RestartAction:
                await store.DeleteAsync(key, ct);
                await SendStepAsync(turn, form, 0, organisation, Empty, language, words.Cleared, problem: false, completed: 0, ct);
                return true;
            case PlanCards.EditAction:
                if (draft is not null)
                {
                    await SaveAsync(key, saved, step: 0, finished: false, completed, ct);
                }
                await SendStepAsync(turn, form, 0, organisation, saved, language, draft is null ? words.PlanGone : words.PlanAgain, problem: false, completed, ct);
                return true;
            case PlanCards.BackAction:
                // The button sends no inputs, so a step with empty required fields never blocks the way back.
                await SendStepAsync(turn, form, Math.Max(step!.Value - 1, 0), organisation, saved, language, note: null, problem: false, completed, ct);
                return true;
        }

        var index = step!.Value;
        var fields = form.Groups[index].Fields;
        var (values, problems) = PlanValidation.Read(fields, value, saved);
        // A field that could not be read is named once, not also as missing.
        problems.AddRange(PlanValidation.Check(fields.Where(f => problems.All(p => p.Field != f)), values, requireFilled: action == PlanCards.NextAction));
        if (action == PlanCards.SaveAction)
        {
            await SaveAsync(key, values, index, finished: false, completed, ct);
            Log.PlanDraftSaved(logger, form.Id, values.Count);
            if (problems.Count > 0)
            {
                await SendStepAsync(turn, form, index, organisation, values, language, words.DraftSaved + " " + PlanValidation.Describe(problems, language), problem: true, completed, ct);
            }
            else
            {
                await turn.SendAsync(turn.Activity.CreateReply(words.DraftSaved), ct);
            }
            return true;
        }
        if (problems.Count > 0)
        {
            // Keep everything that was typed, also on a server that restarts before the user fixes it.
            await SaveAsync(key, values, index, finished: false, completed, ct);
            Log.PlanIncomplete(logger, form.Id, problems.Count);
            await SendStepAsync(turn, form, index, organisation, values, language, PlanWords.Format(words.StepUnfinished, PlanValidation.Describe(problems, language)), problem: true, completed, ct);
            return true;
        }
        if (index < form.Groups.Count - 1)
        {
            await SaveAsync(key, values, index + 1, finished: false, completed, ct);
            Log.PlanStepSaved(logger, form.Id, index + 1, index + 2);
            await SendStepAsync(turn, form, index + 1, organisation, values, language, note: null, problem: false, completed, ct);
            return true;
        }
        // The last step: every earlier step is checked once more, as a draft may predate a change of the form.
        if (PlanValidation.FirstStepWithProblems(form, values) is { } open)
        {
            await SaveAsync(key, values, open.Step, finished: false, completed, ct);
            Log.PlanIncomplete(logger, form.Id, open.Problems.Count);
            await SendStepAsync(turn, form, open.Step, organisation, values, language,
                PlanWords.Format(words.PlanUnfinished, open.Step + 1, PlanValidation.Describe(open.Problems, language)), problem: true, completed, ct);
            return true;
        }
        await SaveAsync(key, values, index, finished: true, completed, ct);
        Log.PlanCompleted(logger, form.Id);
        // Not the project's name: notifications and the chat list show the summary outside the card, as typed.
        await turn.SendAsync(AdaptiveCards.ToActivity(PlanCards.Plan(form, organisation, values, language), form.Title), ct);
        await turn.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = PlanCards.PlainText(form, organisation, values, language),
            TextFormat = "plain",
        }, ct);
        return true;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>
    /// Why the form is not shown here: everyone in a group chat or channel reads the bot's replies, and a
    /// step card carries the draft, which belongs to one person.
    /// </summary>
    private static string PersonalChatNote(Language language) => language == Language.English
        ? "You fill in the communication plan in a personal chat with me, so your draft is not shown to others. Type “communication plan” to me there."
        : "Kommunikasjonsplanen fyller du ut i en personlig chat med meg, slik at utkastet ditt ikke blir vist for andre. Skriv «kommunikasjonsplan» til meg der.";

    /// <summary>The step a button was on (sent as the number the user sees), or null when it is not one of the form's.</summary>
    private static int? StepIndex(JsonElement plan, PlanForm form) =>
        plan.ValueKind == JsonValueKind.Object && plan.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.Number
            && step.TryGetInt32(out var number) && number >= 1 && number <= form.Groups.Count
            ? number - 1
            : null;

    /// <summary>The first step with something missing or too long, but never past the step the user had reached.</summary>
    private static int ResumeStep(PlanForm form, PlanDraft draft) =>
        Math.Clamp(Math.Min(PlanValidation.FirstStepWithProblems(form, draft.Values)?.Step ?? form.Groups.Count - 1, draft.Step), 0, form.Groups.Count - 1);

    private static Task<ResourceResponse> SendStepAsync(TurnContext turn, PlanForm form, int step, Organisation organisation, IReadOnlyDictionary<string, string> values, Language language, string? note, bool problem, int completed, CancellationToken ct) =>
        turn.SendAsync(AdaptiveCards.ToActivity(PlanCards.Step(form, step, organisation, values, language, note, problem, completed),
            $"{form.Title}, {PlanWords.In(language).StepOf(step, form).ToLowerInvariant()}"), ct);

    private async Task<PlanDraft?> DraftAsync(TurnContext turn, PlanForm form, CancellationToken ct) =>
        users.For(turn.Activity) is { } userKey ? await store.GetAsync(PlanDraft.Key(form.OrganisationId, form.Id, userKey), ct) : null;

    /// <param name="completed">Plans finished on this form before; finishing this one adds one.</param>
    private async Task SaveAsync(StateKey<PlanDraft> key, IReadOnlyDictionary<string, string> values, int step, bool finished, int completed, CancellationToken ct)
    {
        var draft = new PlanDraft(values, clock.GetUtcNow()) { Finished = finished, Step = step, Completed = finished ? completed + 1 : completed };
        await store.UpdateAsync(key, _ => draft, ct);
    }
}
