using System.Text.Json;
using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Dialogs;
using StrategiBot.Feedback;
using StrategiBot.Planning;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;
using StrategiBot.Storage;

namespace StrategiBot.Conversation;

/// <summary>
/// What a message means: a card submission, a command, or free text. In group chats and channels the bot
/// speaks only when spoken to (mentioned); in a personal chat every message gets an answer.
/// </summary>
internal sealed class MessageRouter(
    Answerer answerer,
    AnswerComposer composer,
    DialogEngine dialogs,
    DialogCatalog catalog,
    PlanBuilder plans,
    FeedbackRecorder feedback,
    ChecklistEngine checklists,
    ChecklistCatalog checklistCatalog,
    CommandOffers offers,
    UserKeys users,
    IStateStore store,
    KnowledgeBase knowledge,
    IOptions<BotOptions> options,
    ILogger<MessageRouter> logger)
{
    public async Task OnMessageAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        var isGroup = activity.IsGroupConversation();
        var text = MessageText.Of(activity);
        // Read once: the language of this reply, and how plainly the message speaks it.
        var evidence = knowledge.LanguageEvidenceOf(text);
        var language = evidence.Language;
        var organisation = options.Value.Organisation;

        // A button press carries no mention, so in group chats it is read before the mention rule applies:
        // a submission by its value, and a button that posts text (imBack: "hjelp", a "Mente du" section's
        // title) by that exact text.
        var isCardSubmission = activity.Value is { ValueKind: JsonValueKind.Object } && text.Length == 0;
        if (isGroup && !isCardSubmission && !activity.MentionsRecipient() && !IsButtonText(text, organisation))
        {
            return;
        }

        var dialogKey = ConversationState.DialogKey(activity, users);
        var state = dialogKey is null ? null : await store.GetAsync(dialogKey, ct);
        // A message with no word of either language ("ok", "facebook", "GDPR?") is read in the language the
        // conversation was last answered in, so one short follow-up does not switch an English asker to bokmål.
        if (state?.AnswerLanguage == Language.English && evidence == default)
        {
            language = Language.English;
        }

        if (isCardSubmission && activity.Value is { } value)
        {
            // Each feature recognises its own cards' submissions and declines the rest.
            if (await checklists.OnSubmitAsync(turn, value, organisation, ct)
                || await plans.OnSubmitAsync(turn, value, organisation, ct)
                || await feedback.OnSubmitAsync(turn, value, organisation, ct)
                || await dialogs.OnSubmitAsync(turn, value, state, organisation, ct))
            {
                return;
            }
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(activity.CreateReply(Replies.UnknownCardAction(language)), ct);
            return;
        }

        if (text.Length > options.Value.MaxMessageLength)
        {
            Log.MessageTooLong(logger, text.Length);
            await turn.SendAsync(activity.CreateReply(Replies.TooLong(language, options.Value.MaxMessageLength)), ct);
            return;
        }

        var active = dialogs.Active(state, organisation);
        if (active is { } open && await dialogs.OnTextAsync(turn, text, open, organisation, ct))
        {
            return;
        }

        var normalised = BotCommands.CommandText(text);
        var command = text.Length == 0 ? BotCommands.Help : BotCommands.Find(text);
        // Analysed at most once for the plan, checklist and dialog triggers alike, which all match against
        // the knowledge base's pipeline; not at all when a command decides the turn.
        MessageWords? analysed = null;
        MessageWords Words() => analysed ??= knowledge.Analysis.AnalyzeMessage(text);
        // A section's title ("Vedlegg 3: Mal for kommunikasjonsplan", what a "Mente du" button sends) asks for
        // that section, even where its words would also trigger a form, a checklist or a dialog.
        var namesASection = command is null && knowledge.SectionTitled(text, organisation) is not null;
        if (command is not null)
        {
            // An English alias ("checklists") is English; a Norwegian one ("presse", which the Teams command
            // menu sends too) follows the conversation: a one-word command says too little about its writer.
            language = command.LanguageOf(normalised) == Language.English || state?.AnswerLanguage == Language.English
                ? Language.English
                : Language.Norwegian;
        }
        if (namesASection && state?.AnswerLanguage is { } asked)
        {
            language = asked;
        }
        else if (dialogKey is not null && (state?.AnswerLanguage ?? Language.Norwegian) != language && !IsLoneLoanword(evidence, command, language))
        {
            // Whatever the turn is answered with (an answer, a dialog, a list), the next short message follows it.
            // Written only when the language changes, so a Norwegian conversation costs no extra write.
            await store.UpdateAsync(dialogKey, s => (s ?? new()) with { AnswerLanguage = language == Language.English ? language : null }, ct);
        }

        if (command?.DialogId is { } commandDialog && catalog.Find(organisation, commandDialog) is { } commanded)
        {
            await dialogs.StartAsync(turn, commanded, language, ct, language == Language.English ? Replies.DialogOffered(commanded.In(language), language) : null);
            return;
        }
        if (command == BotCommands.Checklists)
        {
            await checklists.ListAsync(turn, organisation, language, ct);
            return;
        }
        if (command == BotCommands.CommunicationPlan || (command is null && active is null && !namesASection && plans.IsAskedFor(organisation, Words())))
        {
            await plans.OpenAsync(turn, organisation, language, ct);
            return;
        }
        if (command == BotCommands.Help)
        {
            await turn.SendAsync(AdaptiveCards.ToActivity(HelpCards.Help(language, isGroup, knowledge.Organisation(organisation), c => offers.Offers(c, organisation),
                [.. checklistCatalog.For(organisation).Select(c => c.TitleFor(language))]), language == Language.English ? "Help" : "Hjelp"), ct);
            return;
        }

        // Asked for by name ("sjekkliste før jeg publiserer"), so it wins over a dialog on the same subject.
        if (!namesASection && checklistCatalog.MatchTrigger(organisation, Words()) is { } checklist)
        {
            await checklists.OpenAsync(turn, checklist, language, ct);
            return;
        }
        if (!namesASection && Words().Stems.Any(AsksForAChecklist))
        {
            // A checklist this organisation does not have ("sjekkliste før jeg publiserer" in Tynset): the ones it has.
            await checklists.ListAsync(turn, organisation, language, ct);
            return;
        }
        if (active is null && !namesASection && catalog.MatchTrigger(organisation, Words()) is { } described)
        {
            await dialogs.StartAsync(turn, described, language, ct, Replies.DialogOffered(described.In(language), language));
            return;
        }
        if (SmallTalk.Reply(BotCommands.Normalise(text), language) is { } smallTalk)
        {
            if (active is { } pending)
            {
                // A thanks or a thumbs up is no answer to the open question, and "ask me anything else" would
                // contradict it: the question is asked again, and that is the reply.
                await DialogEngine.ReaskAsync(turn, pending.Dialog, pending.Step, Replies.DialogResumed(DialogLanguage(pending.Dialog, language, evidence)), ct);
                return;
            }
            await turn.SendAsync(activity.CreateReply(smallTalk), ct);
            return;
        }
        if (active is null && DialogEngine.AsksToCancelOrRestart(normalised) is (true, var englishCommand))
        {
            await turn.SendAsync(activity.CreateReply(Replies.NothingToCancel(englishCommand ? Language.English : language)), ct);
            return;
        }

        var answer = answerer.Answer(text, organisation);
        Log.Answered(logger, answer.Answered, answer.Confidence, answer.Citations.Count > 0 ? answer.Citations[0].SectionId : "-");
        if (active is { } unclear && !answer.Answered)
        {
            // Neither a choice nor a question the strategy answers: most likely a mistyped answer.
            await DialogEngine.ReaskAsync(turn, unclear.Dialog, unclear.Step, Replies.UnclearDialogAnswer(DialogLanguage(unclear.Dialog, language, evidence)), ct);
            return;
        }
        var composed = composer.Compose(answer, language);
        await turn.SendAsync(AdaptiveCards.ToActivity(AnswerCard.Build(composed, UniversalAction.Supported(activity)), AnswerCard.Summary(composed)), ct);

        if (active is { } interrupted)
        {
            // A question in the middle of a dialog gets its answer, then the open question again.
            await DialogEngine.ReaskAsync(turn, interrupted.Dialog, interrupted.Step, Replies.DialogResumed(DialogLanguage(interrupted.Dialog, language, evidence)), ct);
        }
    }

    private static bool AsksForAChecklist(string stem) =>
        stem.StartsWith("sjekklist", StringComparison.Ordinal) || stem.StartsWith("checklist", StringComparison.Ordinal);

    /// <summary>
    /// Exactly what the bot's own text-posting buttons send: the welcome card's "hjelp", or a section's full
    /// title ("Mente du"). Not "Hjelp!" or "Åpen": colleagues write those to each other.
    /// </summary>
    private bool IsButtonText(string text, string organisation) =>
        string.Equals(text, HelpCards.ShowHelpText, StringComparison.Ordinal)
        || knowledge.Pack(organisation)?.Strategy.Sections.Any(s => string.Equals(s.FullTitle, text, StringComparison.Ordinal)) == true;

    /// <summary>
    /// A note beside a dialog's question: in English while the dialog runs in English. Beside a bokmål dialog
    /// only for a message plainly in English, two English words or more: "to" (two) or "nummer to" is bokmål.
    /// </summary>
    private static Language DialogLanguage(DialogDefinition dialog, Language message, LanguageEvidence evidence) =>
        dialog.Language == Language.English
        || (message == Language.English && evidence.IsPlainlyEnglish)
            ? Language.English
            : Language.Norwegian;

    public async Task OnInvokeAsync(TurnContext turn, CancellationToken ct)
    {
        if (!string.Equals(turn.Activity.Name, UniversalAction.InvokeName, StringComparison.Ordinal))
        {
            // Invokes this bot does not implement are left unanswered, which the endpoint turns into 501.
            Log.InvokeIgnored(logger, turn.Activity.Name ?? "(none)");
            return;
        }
        if (!UniversalAction.TryParseInvoke(turn.Activity, out var action, out var problem))
        {
            // Teams may show the message to the user: bokmål there, the English detail in the log.
            Log.UniversalActionRejected(logger, problem);
            turn.InvokeResponse = InvokeResponses.BadRequest("Knappen sendte noe jeg ikke forstår. Prøv igjen, eller skriv «hjelp».");
            return;
        }
        // One prefix per feature (checklist.*, and later plan.*, feedback.*): each answers its own verbs.
        if (action.Verb.StartsWith(ChecklistEngine.VerbPrefix, StringComparison.Ordinal))
        {
            turn.InvokeResponse = await checklists.OnExecuteAsync(turn, action, options.Value.Organisation, ct);
            return;
        }
        if (action.Verb == FeedbackCards.VoteVerb)
        {
            turn.InvokeResponse = await feedback.OnExecuteAsync(turn, action, options.Value.Organisation, ct);
            return;
        }
        Log.UniversalActionRejected(logger, "unknown verb");
        turn.InvokeResponse = InvokeResponses.NotSupported("Den knappen kjenner jeg ikke igjen. Skriv «hjelp» for å se hva jeg kan.");
    }

    /// <summary>
    /// A message whose only sign of English is one word ("onboarding?", "feedback") is answered in English,
    /// but does not make the conversation English: Norwegians use such loanwords, and their next command
    /// word ("sjekklister") would otherwise be answered in English. An English command says enough.
    /// </summary>
    private static bool IsLoneLoanword(LanguageEvidence evidence, BotCommand? command, Language language) =>
        language == Language.English && command is null && !evidence.IsPlainlyEnglish;
}
