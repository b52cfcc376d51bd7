using System.Text.Json;
using Microsoft.Extensions.Options;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Dialogs;

/// <summary>
/// Runs guided dialogs: one step at a time, the position stored whole in the conversation's state, so a
/// restart or another device picks up where the user was. Typed answers (a number or a label) work as well
/// as buttons; a button from an old card is politely ignored.
/// </summary>
internal sealed class DialogEngine(
    DialogCatalog catalog,
    KnowledgeBase knowledge,
    IStateStore store,
    IOptions<DialogOptions> options,
    TimeProvider clock,
    ILogger<DialogEngine> logger)
{
    private static readonly string[] CancelWords = ["avbryt", "avbryt takk", "cancel", "stopp", "stop", "avslutt", "slutt", "quit"];
    private static readonly string[] RestartWords = ["start på nytt", "begynn på nytt", "begynne på nytt", "byrj på nytt", "byrje på nytt", "restart", "start over", "på nytt"];
    private static readonly string[] EnglishCommands = ["cancel", "stop", "quit", "restart", "start over"];

    /// <summary>Whether a message (as <see cref="BotCommands.Normalise"/> leaves it) asks to cancel or restart a dialog, and whether in English.</summary>
    public static (bool Asks, bool English) AsksToCancelOrRestart(string normalised) =>
        (CancelWords.Contains(normalised) || RestartWords.Contains(normalised), EnglishCommands.Contains(normalised));

    /// <summary>The dialog in progress in this conversation, unless it has been left idle too long.</summary>
    public (DialogDefinition Dialog, DialogStep Step)? Active(ConversationState? state, string organisationId)
    {
        if (state?.Dialog is not { } position || clock.GetUtcNow() - position.UpdatedAt > options.Value.IdleTimeout)
        {
            return null;
        }
        var dialog = catalog.Find(organisationId, position.DialogId);
        return dialog is not null && dialog.Steps.TryGetValue(position.StepId, out var step) ? (dialog, step) : null;
    }

    public async Task StartAsync(TurnContext turn, DialogDefinition dialog, CancellationToken ct, string? note = null)
    {
        Log.DialogStarted(logger, dialog.Id);
        await MoveToAsync(turn, dialog, dialog.Steps[dialog.Start], ct);
        await turn.SendAsync(AdaptiveCards.ToActivity(DialogCards.Step(dialog, dialog.Steps[dialog.Start], note), dialog.Title), ct);
    }

    /// <summary>
    /// A button press: <c>{dialog, step, choice}</c>, or <c>{dialog, restart}</c> from an outcome card; false
    /// when the submission is not a dialog's.
    /// </summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, ConversationState? state, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(DialogCards.DialogKey, out _))
        {
            return false;
        }
        await SubmitAsync(turn, value, state, organisationId, ct);
        return true;
    }

    private async Task SubmitAsync(TurnContext turn, JsonElement value, ConversationState? state, string organisationId, CancellationToken ct)
    {
        var dialogId = value.StringProperty(DialogCards.DialogKey);
        var dialog = dialogId is null ? null : catalog.Find(organisationId, dialogId);
        if (dialog is null)
        {
            await turn.SendAsync(turn.Activity.CreateReply(Replies.UnknownCardAction(Language.Norwegian)), ct);
            return;
        }
        if (value.TryGetProperty("restart", out var restart) && restart.ValueKind == JsonValueKind.True)
        {
            await StartAsync(turn, dialog, ct);
            return;
        }
        var active = Active(state, organisationId);
        if (active is not { } current || current.Dialog.Id != dialog.Id || current.Step.Id != value.StringProperty("step"))
        {
            // An answer to a question that is no longer open: say so, and leave the dialog where it is.
            Log.StaleDialogButton(logger, dialog.Id);
            // In a group chat each member has their own dialog, so the button may be someone else's.
            await turn.SendAsync(turn.Activity.CreateReply(active is not null
                ? "Den knappen hører til et spørsmål som allerede er besvart. Svar på det siste spørsmålet, eller skriv «avbryt»."
                : turn.Activity.IsGroupConversation()
                    ? $"Den knappen hører til en veiledning som er avsluttet, eller som en annen i samtalen har startet. Vil du gå gjennom «{dialog.Title}» selv, skriv hva det gjelder."
                    : "Den knappen hører til en veiledning som er avsluttet. Skriv hva det gjelder, eller «hjelp», for å begynne igjen."), ct);
            return;
        }
        var choice = current.Step.Choices.FirstOrDefault(c => c.Id == value.StringProperty("choice"));
        if (choice is null)
        {
            await ReaskAsync(turn, current.Dialog, current.Step, "Det svaret kjenner jeg ikke igjen.", ct);
            return;
        }
        await ChooseAsync(turn, current.Dialog, choice, organisationId, ct);
    }

    /// <summary>
    /// Typed text while a dialog is open: cancel, restart, help, a number or label, or a question of its own
    /// (answered, then the step is asked again). Returns false when the text is not for the dialog.
    /// </summary>
    public async Task<bool> OnTextAsync(TurnContext turn, string text, (DialogDefinition Dialog, DialogStep Step) active, string organisationId, CancellationToken ct)
    {
        var (dialog, step) = active;
        var normalised = BotCommands.Normalise(text);
        // The dialogs are written in Norwegian, but someone who types an English command gets its reply in English.
        var english = EnglishCommands.Contains(normalised) || normalised.StartsWith("help", StringComparison.Ordinal);
        if (CancelWords.Contains(normalised))
        {
            Log.DialogCancelled(logger, dialog.Id);
            await ClearAsync(turn, ct);
            await turn.SendAsync(turn.Activity.CreateReply(english
                ? $"OK, I have ended “{dialog.Title}”. Feel free to ask me something else."
                : $"Greit, jeg avsluttet «{dialog.Title}». Spør meg gjerne om noe annet."), ct);
            return true;
        }
        if (RestartWords.Contains(normalised))
        {
            await StartAsync(turn, dialog, ct, english ? "Let's start again." : "Vi begynner på nytt.");
            return true;
        }
        if (BotCommands.Find(text) == BotCommands.Help)
        {
            await ReaskAsync(turn, dialog, step, english
                ? $"You are in the middle of “{dialog.Title}”. Answer with a number or press an answer. Type “cancel” to stop, or “start over”."
                : $"Du er midt i «{dialog.Title}». Svar med et tall eller trykk på et svar. Skriv «avbryt» for å avslutte, eller «start på nytt».", ct);
            return true;
        }
        if (Choice(step, normalised) is { } choice)
        {
            await ChooseAsync(turn, dialog, choice, organisationId, ct);
            return true;
        }
        return false;
    }

    public static Task ReaskAsync(TurnContext turn, DialogDefinition dialog, DialogStep step, string note, CancellationToken ct) =>
        turn.SendAsync(AdaptiveCards.ToActivity(DialogCards.Step(dialog, step, note), dialog.Title), ct);

    private async Task ChooseAsync(TurnContext turn, DialogDefinition dialog, DialogChoice choice, string organisationId, CancellationToken ct)
    {
        if (choice.Next is { } next)
        {
            var step = dialog.Steps[next];
            await MoveToAsync(turn, dialog, step, ct);
            await turn.SendAsync(AdaptiveCards.ToActivity(DialogCards.Step(dialog, step), dialog.Title), ct);
            return;
        }
        var outcome = dialog.Outcomes[choice.Outcome!];
        Log.DialogFinished(logger, dialog.Id, outcome.Id);
        await ClearAsync(turn, ct);
        var organisation = knowledge.Organisation(organisationId);
        await turn.SendAsync(AdaptiveCards.ToActivity(DialogCards.Outcome(dialog, outcome, organisation, UniversalAction.Supported(turn.Activity)), outcome.Title), ct);
    }

    private async Task MoveToAsync(TurnContext turn, DialogDefinition dialog, DialogStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await store.UpdateAsync(ConversationState.DialogKey(turn.Activity)!, s => (s ?? new()) with { Dialog = new DialogState(dialog.Id, step.Id, now) }, ct);
    }

    private async Task ClearAsync(TurnContext turn, CancellationToken ct) =>
        await store.UpdateAsync(ConversationState.DialogKey(turn.Activity)!, s => (s ?? new()) with { Dialog = null }, ct);

    /// <summary>The choice a typed answer names: its number, or its label (or the label's first word) as typed.</summary>
    private static DialogChoice? Choice(DialogStep step, string normalised)
    {
        if (int.TryParse(normalised, out var number) && number >= 1 && number <= step.Choices.Count)
        {
            return step.Choices[number - 1];
        }
        var exact = step.Choices.Where(c => BotCommands.Normalise(c.Label) == normalised || c.Id == normalised).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }
}
