using System.Text.Json;
using Microsoft.Extensions.Options;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;
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
    UserKeys users,
    IOptions<DialogOptions> options,
    TimeProvider clock,
    ILogger<DialogEngine> logger)
{
    // "nei takk" stays out: in a step with a "Nei" answer it is that answer.
    private static readonly string[] CancelWords =
        ["avbryt", "avbryt takk", "cancel", "stopp", "stop", "avslutt", "slutt", "quit", "glem det", "gløym det", "drit i det",
         "never mind", "nevermind", "forget it"];
    private static readonly string[] RestartWords = ["start på nytt", "begynn på nytt", "begynne på nytt", "byrj på nytt", "byrje på nytt", "restart", "start over", "på nytt"];
    private static readonly string[] EnglishCommands = ["cancel", "stop", "quit", "restart", "start over", "never mind", "nevermind", "forget it"];

    /// <summary>Whether a message (as <see cref="BotCommands.Normalise"/> leaves it) asks to cancel or restart a dialog, and whether in English.</summary>
    public static (bool Asks, bool English) AsksToCancelOrRestart(string normalised) =>
        (CancelWords.Contains(normalised) || RestartWords.Contains(normalised), EnglishCommands.Contains(normalised));

    /// <summary>
    /// The dialog in progress in this conversation, in the language it runs in, unless it has been left idle
    /// too long.
    /// </summary>
    public (DialogDefinition Dialog, DialogStep Step)? Active(ConversationState? state, string organisationId)
    {
        if (state?.Dialog is not { } position || clock.GetUtcNow() - position.UpdatedAt > options.Value.IdleTimeout)
        {
            return null;
        }
        var dialog = catalog.Find(organisationId, position.DialogId)?.In(position.Language ?? Language.Norwegian);
        return dialog is not null && dialog.Steps.TryGetValue(position.StepId, out var step) ? (dialog, step) : null;
    }

    /// <summary>
    /// Starts a dialog from its first question, in English for someone who wrote English where the dialog has
    /// English text; it then keeps that language to its end, whatever the answers are typed in.
    /// </summary>
    /// <param name="dialog">The dialog as the catalogue holds it.</param>
    public async Task StartAsync(TurnContext turn, DialogDefinition dialog, Language language, CancellationToken ct, string? note = null)
    {
        Log.DialogStarted(logger, dialog.Id);
        var running = dialog.In(language);
        await MoveToAsync(turn, running, running.Steps[running.Start], ct);
        await turn.SendAsync(AdaptiveCards.ToActivity(DialogCards.Step(running, running.Steps[running.Start], note, introduce: true), running.Title), ct);
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
        // The card says which language it was drawn in, so a reply about an old card speaks that language.
        var language = CardLanguage.Of(value);
        if (dialog is null)
        {
            await turn.SendAsync(turn.Activity.CreateReply(Replies.UnknownCardAction(language)), ct);
            return;
        }
        if (value.TryGetProperty("restart", out var restart) && restart.ValueKind == JsonValueKind.True)
        {
            await StartAsync(turn, dialog, language, ct);
            return;
        }
        var active = Active(state, organisationId);
        if (active is not { } current || current.Dialog.Id != dialog.Id || current.Step.Id != value.StringProperty("step"))
        {
            // An answer to a question that is no longer open: say so, and leave the dialog where it is.
            Log.StaleDialogButton(logger, dialog.Id);
            await turn.SendAsync(turn.Activity.CreateReply(StaleButton(dialog.In(language), answered: active is not null, turn.Activity.IsGroupConversation())), ct);
            return;
        }
        var chosen = value.StringProperty("choice");
        var choice = current.Step.Choices.FirstOrDefault(c => c.Id == chosen);
        if (choice is null)
        {
            var english = current.Dialog.Language == Language.English;
            // "Svar" pressed with nothing picked in the list sends no choice, or an empty one.
            var note = string.IsNullOrEmpty(chosen)
                ? english ? "Choose an answer first, then press “Answer”." : "Velg et svar først, og trykk så «Svar»."
                : english ? "I don't recognise that answer." : "Det svaret kjenner jeg ikke igjen.";
            await ReaskAsync(turn, current.Dialog, current.Step, note, ct);
            return;
        }
        await ChooseAsync(turn, current.Dialog, choice, organisationId, ct);
    }

    /// <summary>An answer to a question that is no longer open. In a group chat each member has their own dialog, so the button may be someone else's.</summary>
    private static string StaleButton(DialogDefinition dialog, bool answered, bool group) => (dialog.Language, answered, group) switch
    {
        (Language.English, true, _) => "That button belongs to a question you have already answered. Answer the latest question, or type “cancel”.",
        (Language.English, false, true) => $"That button belongs to a guide that has ended, or that someone else in this chat started. To go through “{dialog.Title}” yourself, write what it is about.",
        (Language.English, false, false) => "That button belongs to a guide that has ended. Write what it is about, or “help”, to start again.",
        (_, true, _) => "Den knappen hører til et spørsmål som allerede er besvart. Svar på det siste spørsmålet, eller skriv «avbryt».",
        (_, false, true) => $"Den knappen hører til en veiledning som er avsluttet, eller som en annen i samtalen har startet. Vil du gå gjennom «{dialog.Title}» selv, skriv for eksempel «{dialog.Triggers[0]}».",
        _ => "Den knappen hører til en veiledning som er avsluttet. Skriv hva det gjelder, eller «hjelp», for å begynne igjen.",
    };

    /// <summary>
    /// Typed text while a dialog is open: cancel, restart, help, a number or label, or a question of its own
    /// (answered, then the step is asked again). Returns false when the text is not for the dialog.
    /// </summary>
    public async Task<bool> OnTextAsync(TurnContext turn, string text, (DialogDefinition Dialog, DialogStep Step) active, string organisationId, CancellationToken ct)
    {
        var (dialog, step) = active;
        var normalised = BotCommands.Normalise(text);
        // A dialog running in English answers its commands in English; so does one in bokmål to an English command.
        var english = dialog.Language == Language.English || EnglishCommands.Contains(normalised) || normalised.StartsWith("help", StringComparison.Ordinal);
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
            await StartAsync(turn, catalog.Find(organisationId, dialog.Id)!, dialog.Language, ct, english ? "Let's start again." : "Vi begynner på nytt.");
            return true;
        }
        if (BotCommands.Find(text) == BotCommands.Help)
        {
            await ReaskAsync(turn, dialog, step, english
                ? $"You are in the middle of “{dialog.Title}”. Answer with a number or press an answer. Type “cancel” to stop, or “start over”."
                : $"Du er midt i «{dialog.Title}». Svar med et tall eller trykk på et svar. Skriv «avbryt» for å avslutte, eller «start på nytt».", ct);
            return true;
        }
        // A label is understood in either language, whichever the dialog runs in ("Ansatt" as well as "Employee").
        var asWritten = catalog.Find(organisationId, dialog.Id)!;
        var versions = new[] { dialog, asWritten, asWritten.English }.OfType<DialogDefinition>().Select(d => d.Steps[step.Id]).ToList();
        if ((versions.Select(v => Choice(v, normalised)).FirstOrDefault(c => c is not null) ?? ChoiceByWords(step, versions, normalised)) is { } choice)
        {
            await ChooseAsync(turn, dialog, choice, organisationId, ct);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The one choice whose label, in either language, has every word typed: "nei" or "no" for "Nei, det gjelder
    /// noe annet", "private" for "My private opinion". A word of three letters or more may be the start of the
    /// label's word ("photo" for "photos"). Where several labels have them all, the one that starts with the first
    /// typed word is taken. Null when no choice, or more than one, is left.
    /// </summary>
    private static DialogChoice? ChoiceByWords(DialogStep step, IReadOnlyList<DialogStep> versions, string normalised)
    {
        var typed = Tokenizer.SplitFolded(normalised).Where(w => !AnswerFillers.Contains(w)).ToList();
        if (typed.Count is 0 or > MaxTypedWords)
        {
            return null;
        }
        // "photo" names "photos"; "privately" names "private".
        static bool Names(string typedWord, string labelWord) =>
            labelWord == typedWord
            || (typedWord.Length >= 3 && labelWord.StartsWith(typedWord, StringComparison.Ordinal))
            || (labelWord.Length >= 5 && typedWord.Length - labelWord.Length <= 2 && typedWord.StartsWith(labelWord, StringComparison.Ordinal));
        var matching = versions.SelectMany(v => v.Choices)
            .Select(c => (c.Id, Label: Tokenizer.SplitFolded(BotCommands.Normalise(c.Label))))
            .Where(c => typed.All(t => c.Label.Any(l => Names(t, l))))
            .ToList();
        // "no" is in "No, or I don't know" and in "There are no people in it": the label it starts wins.
        var ids = matching.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > 1)
        {
            ids = [.. matching.Where(c => Names(typed[0], c.Label[0])).Select(c => c.Id).Distinct(StringComparer.Ordinal)];
        }
        return ids is [var id] ? step.Choices.Single(c => c.Id == id) : null;
    }

    /// <summary>A choice's number as people type it: "2", "2)", "nr 2", "nummer to", "option two", "alternativ 2".</summary>
    private static int? TypedNumber(string normalised)
    {
        var words = Tokenizer.SplitFolded(normalised).Where(w => !NumberFillers.Contains(w)).ToList();
        return words is [var only]
            ? int.TryParse(only, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
                : NumberWords.TryGetValue(only, out var named) ? named : null
            : null;
    }

    private static readonly HashSet<string> NumberFillers = new(
        ["nr", "nummer", "number", "alternativ", "alternative", "option", "choice", "valg", "svar", "answer"], StringComparer.Ordinal);

    // Folded, as Tokenizer.SplitFolded leaves them. "en" and "andre" mean "a" and "others" too, but alone they can only be the number.
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["en"] = 1, ["ein"] = 1, ["ett"] = 1, ["eitt"] = 1, ["one"] = 1, ["forste"] = 1, ["first"] = 1,
        ["to"] = 2, ["two"] = 2, ["andre"] = 2, ["second"] = 2,
        ["tre"] = 3, ["three"] = 3, ["tredje"] = 3, ["third"] = 3,
        ["fire"] = 4, ["four"] = 4, ["fjerde"] = 4, ["fourth"] = 4,
        ["fem"] = 5, ["five"] = 5, ["femte"] = 5, ["fifth"] = 5,
        ["seks"] = 6, ["six"] = 6, ["sjette"] = 6, ["sixth"] = 6,
        ["sju"] = 7, ["syv"] = 7, ["seven"] = 7, ["sjuende"] = 7, ["syvende"] = 7, ["seventh"] = 7,
    };

    /// <summary>Words around an answer that name no choice: "jeg er ansatt", "I'm just an employee".</summary>
    private static readonly HashSet<string> AnswerFillers = new(
        ["jeg", "eg", "er", "e", "i", "m", "am", "im", "just", "bare", "a", "an", "the", "min", "mitt", "mi", "my", "som"], StringComparer.Ordinal);

    /// <summary>Beyond this a message is a question or a story, not an answer typed from the buttons.</summary>
    private const int MaxTypedWords = 4;


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
        var language = dialog.Language == Language.English ? Language.English : (Language?)null;
        await store.UpdateAsync(ConversationState.DialogKey(turn.Activity, users)!, s => (s ?? new()) with { Dialog = new DialogState(dialog.Id, step.Id, now, language) }, ct);
    }

    private async Task ClearAsync(TurnContext turn, CancellationToken ct) =>
        await store.UpdateAsync(ConversationState.DialogKey(turn.Activity, users)!, s => (s ?? new()) with { Dialog = null }, ct);

    /// <summary>The choice a typed answer names: its number, its id or its label as typed.</summary>
    private static DialogChoice? Choice(DialogStep step, string normalised)
    {
        if (TypedNumber(normalised) is { } number && number >= 1 && number <= step.Choices.Count)
        {
            return step.Choices[number - 1];
        }
        var exact = step.Choices.Where(c => BotCommands.Normalise(c.Label) == normalised || c.Id == normalised).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }
}
