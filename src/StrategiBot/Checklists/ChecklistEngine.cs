using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;

namespace StrategiBot.Checklists;

/// <summary>
/// Opens, saves and resets checklists. Ticks are stored per user (pseudonymous key) and per checklist, so
/// the same checklist shows each person their own progress, on any device and after a restart. In Teams
/// the card answers in place (Universal Actions); elsewhere each press posts a new card with the saved state,
/// except in a group chat or channel, where a card the bot posts never shows anyone's ticks.
/// </summary>
internal sealed class ChecklistEngine(
    ChecklistCatalog catalog,
    IStateStore store,
    UserKeys users,
    TimeProvider clock,
    ILogger<ChecklistEngine> logger)
{
    public const string VerbPrefix = "checklist.";

    public async Task ListAsync(TurnContext turn, string organisationId, Language language, CancellationToken ct)
    {
        var checklists = catalog.For(organisationId);
        var english = language == Language.English;
        if (checklists.Count == 0)
        {
            await turn.SendAsync(turn.Activity.CreateReply(english
                ? "Your organisation's strategy gives me no checklists yet."
                : "Strategien til organisasjonen din har ingen sjekklister jeg kan vise ennå."), ct);
            return;
        }
        await turn.SendAsync(AdaptiveCards.ToActivity(ChecklistCards.List(checklists, language), english ? "Checklists" : "Sjekklister"), ct);
    }

    /// <summary>Opens <paramref name="checklist"/> in <paramref name="language"/>, where its file has that language.</summary>
    public async Task OpenAsync(TurnContext turn, ChecklistDefinition checklist, Language language, CancellationToken ct, string? note = null)
    {
        checklist = checklist.In(language);
        Log.ChecklistOpened(logger, checklist.Id);
        // Everyone in a group chat or channel reads a card the bot posts; only an invoke response (Teams shows
        // it to the one who acted) may carry someone's ticks there.
        if (turn.Activity.IsGroupConversation())
        {
            await SendSharedCardAsync(turn, checklist, ct);
            return;
        }
        // Web Chat and the Emulator are one-to-one, so the card is drawn for the person who asked.
        var ticked = users.For(turn.Activity) is { } userKey ? await SavedAsync(userKey, checklist, ct) : [];
        await SendCardAsync(turn, checklist, ticked, note, ct);
    }

    /// <summary>
    /// A press on a checklist card in a client without Universal Actions, answered with a new card; false
    /// when the submission is not a checklist's.
    /// </summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(ChecklistCards.ChecklistKey, out _))
        {
            return false;
        }
        await SubmitAsync(turn, value, organisationId, ct);
        return true;
    }

    private async Task SubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        var language = CardLanguage.Of(value);
        var action = UniversalAction.FromSubmit(value);
        var checklist = action?.Text(ChecklistCards.ChecklistKey) is { } id ? catalog.Find(organisationId, id)?.In(language) : null;
        if (action is null || checklist is null)
        {
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(turn.Activity.CreateReply(Notes.Gone(language)), ct);
            return;
        }
        if (action.Verb == ChecklistCards.Open)
        {
            await OpenAsync(turn, checklist, language, ct);
            return;
        }
        if (users.For(turn.Activity) is not { } userKey)
        {
            await turn.SendAsync(turn.Activity.CreateReply(Notes.NoUser(language)), ct);
            return;
        }
        var result = await ApplyAsync(turn, action, checklist, userKey, ct);
        if (result is not { } applied)
        {
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(turn.Activity.CreateReply(Replies.UnknownCardAction(language)), ct);
            return;
        }
        if (turn.Activity.IsGroupConversation())
        {
            // An older client's press in a group: the answer is a new message the whole chat reads, so it is
            // the neutral card, as when the checklist was opened there; the presser's ticks come in its refresh.
            await SendSharedCardAsync(turn, checklist, ct);
            return;
        }
        await SendCardAsync(turn, checklist, applied.Ticked, applied.Note, ct);
    }

    /// <summary>
    /// An <c>Action.Execute</c> from a checklist card (a press, or Teams refreshing the card for a viewer).
    /// Teams may show an error's message to the user, so it is in the card's language; the log gets the reason.
    /// </summary>
    public async Task<InvokeResponse> OnExecuteAsync(TurnContext turn, UniversalAction action, string organisationId, CancellationToken ct)
    {
        var language = CardLanguage.Of(action.Data);
        if (action.Text(ChecklistCards.ChecklistKey) is not { } id)
        {
            return Reject("value.action.data.checklist is missing", InvokeResponses.BadRequest(Notes.Gone(language)));
        }
        if (catalog.Find(organisationId, id)?.In(language) is not { } checklist)
        {
            return Reject("no such checklist", InvokeResponses.BadRequest(Notes.Gone(language)));
        }
        if (users.For(turn.Activity) is not { } userKey)
        {
            return Reject("the invoke names no user", InvokeResponses.BadRequest(Notes.NoUser(language)));
        }
        if (action.Verb == ChecklistCards.Refresh && !action.Automatic)
        {
            // A press on "Vis mine avkryssinger" is someone opening the list; Teams' own refreshes are not.
            Log.ChecklistOpened(logger, checklist.Id);
        }
        if (await ApplyAsync(turn, action, checklist, userKey, ct) is not { } applied)
        {
            return Reject("not a checklist verb", InvokeResponses.NotSupported(Notes.UnknownButton(language)));
        }
        return InvokeResponses.Card(ChecklistCards.Checklist(checklist, applied.Ticked, View(turn), applied.Note));
    }

    /// <summary>What the engine says beside or instead of a card, in the card's language.</summary>
    private static class Notes
    {
        public static string Gone(Language language) => language == Language.English
            ? "This checklist no longer exists. Type “checklists” to see the ones there are."
            : "Denne sjekklisten finnes ikke lenger. Skriv «sjekklister» for å se dem som finnes.";

        public static string NoUser(Language language) => language == Language.English
            ? "I don't know who you are in this conversation, so I can't show or save your ticks."
            : "Jeg vet ikke hvem du er i denne samtalen, så jeg kan ikke vise eller lagre avkryssingene dine.";

        public static string UnknownButton(Language language) => language == Language.English
            ? "I don't recognise that button. Type “checklists” to open the checklist again."
            : "Den knappen kjenner jeg ikke igjen. Skriv «sjekklister» for å åpne sjekklisten på nytt.";

        public static string NotYours(Language language) => language == Language.English
            ? "Nothing was saved: the card did not show your ticks. Here are yours – tick and press “Save” again."
            : "Ingenting ble lagret: kortet viste ikke dine avkryssinger. Her er dine – kryss av og trykk «Lagre» på nytt.";

        public static string Saved(Language language) => language == Language.English ? "Saved." : "Lagret.";

        public static string Cleared(Language language) => language == Language.English ? "The checklist is cleared." : "Sjekklisten er nullstilt.";
    }

    private async Task<(IReadOnlyCollection<string> Ticked, string? Note)?> ApplyAsync(TurnContext turn, UniversalAction action, ChecklistDefinition checklist, string userKey, CancellationToken ct)
    {
        var key = ChecklistProgress.Key(userKey, checklist.OrganisationId, checklist.Id);
        var now = clock.GetUtcNow();
        switch (action.Verb)
        {
            case ChecklistCards.Open or ChecklistCards.Refresh:
                return (await SavedAsync(userKey, checklist, ct), null);
            case ChecklistCards.Save when !IsOwnCard(turn, action, userKey):
                // The toggles show someone else's ticks (a card drawn for another person, or an old shared
                // card in a group): saving them would copy that person's progress, so nothing is written.
                Log.ChecklistSaveRefused(logger, checklist.Id);
                return (await SavedAsync(userKey, checklist, ct), Notes.NotYours(checklist.Language));
            case ChecklistCards.Save:
                var saved = await store.UpdateAsync(key, current => new ChecklistProgress
                {
                    Ticked = [.. checklist.Items.Where(i => IsTicked(action, i, current)).Select(i => i.Id)],
                    UpdatedAt = now,
                }, ct);
                Log.ChecklistSaved(logger, checklist.Id, saved.Ticked.Count, checklist.Items.Count);
                return (Known(checklist, saved.Ticked), Notes.Saved(checklist.Language));
            case ChecklistCards.Reset:
                await store.UpdateAsync(key, _ => new ChecklistProgress { Ticked = [], UpdatedAt = now }, ct);
                Log.ChecklistReset(logger, checklist.Id);
                return ([], Notes.Cleared(checklist.Language));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the saved toggles were drawn for the user who pressed: the save button names its owner. A
    /// card without one predates the tag; it is trusted one-to-one, never in a group, where it was shared.
    /// </summary>
    private static bool IsOwnCard(TurnContext turn, UniversalAction action, string userKey) =>
        action.Text(ChecklistCards.OwnerKey) is { } owner
            ? owner == OwnerTag(userKey)
            : !turn.Activity.IsGroupConversation();

    /// <summary>
    /// Derived from the user key rather than the key itself, so a card others may see never holds the
    /// storage key of someone's progress.
    /// </summary>
    private static string OwnerTag(string userKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("checklist-owner|" + userKey)).AsSpan(0, 12));

    /// <summary>An item's toggle value from the card; an item the card did not send keeps its saved state.</summary>
    private static bool IsTicked(UniversalAction action, ChecklistItem item, ChecklistProgress? current) =>
        action.Text(ChecklistCards.InputId(item)) switch
        {
            "true" => true,
            "false" => false,
            _ => current?.Ticked.Contains(item.Id) == true,
        };

    /// <summary>The user's saved ticks of this checklist.</summary>
    private async Task<HashSet<string>> SavedAsync(string userKey, ChecklistDefinition checklist, CancellationToken ct) =>
        Known(checklist, (await store.GetAsync(ChecklistProgress.Key(userKey, checklist.OrganisationId, checklist.Id), ct))?.Ticked ?? []);

    // Ticks of items that were since removed from the file are not shown or counted.
    private static HashSet<string> Known(ChecklistDefinition checklist, IEnumerable<string> ticked) =>
        [.. ticked.Where(id => checklist.Items.Any(i => i.Id == id))];

    /// <summary>
    /// The card for everyone in a group: no one's ticks. Each person's own view comes in the answer to their
    /// refresh invoke (the poster's automatic one, or a press on the button), which Teams shows only to them.
    /// </summary>
    private static async Task SendSharedCardAsync(TurnContext turn, ChecklistDefinition checklist, CancellationToken ct) =>
        await turn.SendAsync(AdaptiveCards.ToActivity(ChecklistCards.Shared(checklist, turn.Activity.From?.Id), checklist.Title), ct);

    /// <summary>Sends the card; <paramref name="ticked"/> is already limited to the checklist's items.</summary>
    private async Task SendCardAsync(TurnContext turn, ChecklistDefinition checklist, IReadOnlyCollection<string> ticked, string? note, CancellationToken ct) =>
        await turn.SendAsync(AdaptiveCards.ToActivity(ChecklistCards.Checklist(checklist, ticked, View(turn), note), checklist.Title), ct);

    private ChecklistView View(TurnContext turn) =>
        new(UniversalAction.Supported(turn.Activity), turn.Activity.From?.Id, users.For(turn.Activity) is { } userKey ? OwnerTag(userKey) : null);

    private InvokeResponse Reject(string reason, InvokeResponse response)
    {
        Log.UniversalActionRejected(logger, reason);
        return response;
    }
}
