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
/// the card answers in place (Universal Actions); elsewhere each press posts a new card with the saved state.
/// </summary>
internal sealed class ChecklistEngine(
    ChecklistCatalog catalog,
    IStateStore store,
    TimeProvider clock,
    ILogger<ChecklistEngine> logger)
{
    public const string VerbPrefix = "checklist.";

    public async Task ListAsync(TurnContext turn, string organisationId, bool english, CancellationToken ct)
    {
        var checklists = catalog.For(organisationId);
        if (checklists.Count == 0)
        {
            await turn.SendAsync(turn.Activity.CreateReply(english
                ? "Your organisation's strategy gives me no checklists yet."
                : "Strategien til organisasjonen din har ingen sjekklister jeg kan vise ennå."), ct);
            return;
        }
        await turn.SendAsync(AdaptiveCards.ToActivity(ChecklistCards.List(checklists, english), english ? "Checklists" : "Sjekklister"), ct);
    }

    public async Task OpenAsync(TurnContext turn, ChecklistDefinition checklist, CancellationToken ct, string? note = null)
    {
        Log.ChecklistOpened(logger, checklist.Id);
        var ticked = UserKeys.For(turn.Activity) is { } userKey
            ? (await store.GetAsync(ChecklistProgress.Key(userKey, checklist.OrganisationId, checklist.Id), ct))?.Ticked ?? []
            : [];
        await SendCardAsync(turn, checklist, [.. ticked], note, ct);
    }

    /// <summary>A press on a checklist card in a client without Universal Actions: answered with a new card.</summary>
    public async Task OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        var action = UniversalAction.FromSubmit(value);
        var checklist = action?.Text(ChecklistCards.ChecklistKey) is { } id ? catalog.Find(organisationId, id) : null;
        if (action is null || checklist is null)
        {
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(turn.Activity.CreateReply("Den sjekklisten finner jeg ikke lenger. Skriv «sjekklister» for å se dem som finnes."), ct);
            return;
        }
        if (action.Verb == ChecklistCards.Open)
        {
            await OpenAsync(turn, checklist, ct);
            return;
        }
        if (UserKeys.For(turn.Activity) is not { } userKey)
        {
            await turn.SendAsync(turn.Activity.CreateReply("Jeg vet ikke hvem du er i denne kanalen, så jeg kan ikke lagre avkryssingene dine."), ct);
            return;
        }
        var result = await ApplyAsync(action, checklist, userKey, ct);
        if (result is not { } applied)
        {
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(turn.Activity.CreateReply(Replies.UnknownCardAction(Language.Norwegian)), ct);
            return;
        }
        await SendCardAsync(turn, checklist, applied.Ticked, applied.Note, ct);
    }

    /// <summary>An <c>Action.Execute</c> from a checklist card (a press, or Teams refreshing the card for a viewer).</summary>
    public async Task<InvokeResponse> OnExecuteAsync(TurnContext turn, UniversalAction action, string organisationId, CancellationToken ct)
    {
        if (action.Text(ChecklistCards.ChecklistKey) is not { } id)
        {
            return Reject(InvokeResponses.BadRequest("value.action.data.checklist is missing."));
        }
        if (catalog.Find(organisationId, id) is not { } checklist)
        {
            return Reject(InvokeResponses.BadRequest($"There is no checklist '{id}'."));
        }
        if (UserKeys.For(turn.Activity) is not { } userKey)
        {
            return Reject(InvokeResponses.BadRequest("The invoke names no user."));
        }
        if (await ApplyAsync(action, checklist, userKey, ct) is not { } applied)
        {
            return Reject(InvokeResponses.NotSupported($"The verb '{action.Verb}' is not a checklist action."));
        }
        return InvokeResponses.Card(ChecklistCards.Checklist(checklist, applied.Ticked, View(turn), applied.Note));
    }

    private async Task<(IReadOnlyCollection<string> Ticked, string? Note)?> ApplyAsync(UniversalAction action, ChecklistDefinition checklist, string userKey, CancellationToken ct)
    {
        var key = ChecklistProgress.Key(userKey, checklist.OrganisationId, checklist.Id);
        var now = clock.GetUtcNow();
        switch (action.Verb)
        {
            case ChecklistCards.Open or ChecklistCards.Refresh:
                return (Known(checklist, (await store.GetAsync(key, ct))?.Ticked ?? []), null);
            case ChecklistCards.Save:
                var saved = await store.UpdateAsync(key, current => new ChecklistProgress
                {
                    Ticked = [.. checklist.Items.Where(i => IsTicked(action, i, current)).Select(i => i.Id)],
                    UpdatedAt = now,
                }, ct);
                Log.ChecklistSaved(logger, checklist.Id, saved.Ticked.Count, checklist.Items.Count);
                return (Known(checklist, saved.Ticked), "Lagret.");
            case ChecklistCards.Reset:
                await store.UpdateAsync(key, _ => new ChecklistProgress { Ticked = [], UpdatedAt = now }, ct);
                Log.ChecklistReset(logger, checklist.Id);
                return ([], "Sjekklisten er nullstilt.");
            default:
                return null;
        }
    }

    /// <summary>An item's toggle value from the card; an item the card did not send keeps its saved state.</summary>
    private static bool IsTicked(UniversalAction action, ChecklistItem item, ChecklistProgress? current) =>
        action.Text(ChecklistCards.InputId(item)) switch
        {
            "true" => true,
            "false" => false,
            _ => current?.Ticked.Contains(item.Id) == true,
        };

    // Ticks of items that were since removed from the file are not shown or counted.
    private static HashSet<string> Known(ChecklistDefinition checklist, IEnumerable<string> ticked) =>
        [.. ticked.Where(id => checklist.Items.Any(i => i.Id == id))];

    private static async Task SendCardAsync(TurnContext turn, ChecklistDefinition checklist, IReadOnlyCollection<string> ticked, string? note, CancellationToken ct) =>
        await turn.SendAsync(AdaptiveCards.ToActivity(ChecklistCards.Checklist(checklist, Known(checklist, ticked), View(turn), note), checklist.Title), ct);

    private static ChecklistView View(TurnContext turn) =>
        new(string.Equals(turn.Activity.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase), turn.Activity.From?.Id);

    private InvokeResponse Reject(InvokeResponse response)
    {
        Log.UniversalActionRejected(logger, "checklist action without a known checklist, user or verb");
        return response;
    }
}
