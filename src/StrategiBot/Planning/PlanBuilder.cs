using System.Globalization;
using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Planning;

/// <summary>
/// The communication-plan builder: opens the form (with the user's draft, if any), keeps what was typed on
/// every submission, checks required fields and lengths again on the server, and turns a complete form
/// into the finished plan as a card and as plain text.
/// </summary>
internal sealed class PlanBuilder(PlanCatalog catalog, KnowledgeBase knowledge, IStateStore store, TimeProvider clock, ILogger<PlanBuilder> logger)
{
    /// <summary>True when the message asks for a plan in words ("jeg må lage en kommunikasjonsplan").</summary>
    public bool IsAskedFor(string organisationId, string text) => catalog.MatchTrigger(organisationId, text) is not null;

    public async Task OpenAsync(TurnContext turn, string organisationId, CancellationToken ct)
    {
        var organisation = Organisation(organisationId);
        if (catalog.Find(organisationId, PlanCatalog.CommunicationPlan) is not { } form)
        {
            // Another organisation's template would be another organisation's rules; say so instead.
            await turn.SendAsync(AdaptiveCards.ToActivity(AdaptiveCards.Card(
            [
                AdaptiveCards.Text($"Kommunikasjonsstrategien til {organisation.Name} har ingen mal for kommunikasjonsplan, så jeg har ikke noe skjema å fylle ut."),
                ContactCards.Block(organisation),
            ], fullWidth: true), "Kommunikasjonsplan"), ct);
            return;
        }
        var draft = await DraftAsync(turn, form, ct);
        Log.PlanOpened(logger, form.Id, draft is { Finished: false });
        var note = draft is { Finished: false }
            ? $"Jeg fant utkastet ditt fra {draft.SavedAt.ToString("d. MMMM yyyy", Norwegian)} og har fylt det inn. Trykk «Tøm skjemaet» for å begynne på nytt."
            : null;
        await SendFormAsync(turn, form, organisation, draft is { Finished: false } ? draft.Values : Empty, note, problem: false, ct);
    }

    /// <summary>Handles <c>{plan: {form, action}, "plan.&lt;field&gt;": ...}</c>; false when the submission is not for a plan.</summary>
    public async Task<bool> OnSubmitAsync(TurnContext turn, JsonElement value, string organisationId, CancellationToken ct)
    {
        if (!value.TryGetProperty(PlanCards.ValueKey, out var plan))
        {
            return false;
        }
        var form = plan.ValueKind == JsonValueKind.Object && Text(plan, "form") is { } formId ? catalog.Find(organisationId, formId) : null;
        var action = plan.ValueKind == JsonValueKind.Object ? Text(plan, "action") : null;
        if (form is null || action is not (PlanCards.SubmitAction or PlanCards.SaveAction or PlanCards.RestartAction or PlanCards.EditAction))
        {
            Log.PlanSubmissionRejected(logger);
            await turn.SendAsync(turn.Activity.CreateReply("Den knappen hører ikke til et skjema jeg kjenner igjen. Skriv «kommunikasjonsplan» for å åpne skjemaet på nytt."), ct);
            return true;
        }
        var organisation = Organisation(organisationId);
        switch (action)
        {
            case PlanCards.RestartAction:
                await DeleteDraftAsync(turn, form, ct);
                await SendFormAsync(turn, form, organisation, Empty, "Skjemaet er tømt. Du kan begynne på en ny plan.", problem: false, ct);
                return true;
            case PlanCards.EditAction:
                var last = await DraftAsync(turn, form, ct);
                if (last is not null)
                {
                    await SaveAsync(turn, form, last.Values, finished: false, ct);
                }
                await SendFormAsync(turn, form, organisation, last?.Values ?? Empty,
                    last is null ? "Jeg finner ikke planen lenger, så skjemaet er tomt." : "Her er planen din igjen. Endre det du vil, og trykk «Lag planen».",
                    problem: false, ct);
                return true;
        }

        var (values, problems) = Read(form, value, requireAll: action == PlanCards.SubmitAction);
        if (action == PlanCards.SaveAction)
        {
            var saved = await SaveAsync(turn, form, values, finished: false, ct);
            Log.PlanDraftSaved(logger, form.Id, values.Count);
            var reply = saved
                ? "Utkastet er lagret. Skriv «kommunikasjonsplan» når du vil fortsette, også fra en annen enhet."
                : "Jeg kan ikke lagre utkast her, fordi jeg ikke vet hvem du er. Skjemaet står der du har det.";
            if (problems.Count > 0)
            {
                await SendFormAsync(turn, form, organisation, values, reply + " " + Describe(problems), problem: true, ct);
            }
            else
            {
                await turn.SendAsync(turn.Activity.CreateReply(reply), ct);
            }
            return true;
        }
        if (problems.Count > 0)
        {
            // Keep everything that was typed, also on a server that restarts before the user fixes it.
            await SaveAsync(turn, form, values, finished: false, ct);
            Log.PlanIncomplete(logger, form.Id, problems.Count);
            await SendFormAsync(turn, form, organisation, values, "Planen er ikke ferdig ennå. " + Describe(problems) + " Det du har skrevet er tatt vare på.", problem: true, ct);
            return true;
        }
        await SaveAsync(turn, form, values, finished: true, ct);
        Log.PlanCompleted(logger, form.Id);
        var name = form.NameField is { } nameField ? values.GetValueOrDefault(nameField.Id) : null;
        await turn.SendAsync(AdaptiveCards.ToActivity(PlanCards.Plan(form, organisation, values), name ?? form.Title), ct);
        await turn.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = PlanCards.PlainText(form, organisation, values),
            TextFormat = "plain",
        }, ct);
        return true;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    private Organisation Organisation(string organisationId) => knowledge.Pack(organisationId)!.Organisation;

    /// <summary>
    /// The submitted values (trimmed, kept even when too long, so nothing typed is lost) and what is wrong
    /// with them: required fields left empty (only for a complete submission), texts over the limit,
    /// values that are not text or not one of the choices.
    /// </summary>
    private static (Dictionary<string, string> Values, List<PlanProblem> Problems) Read(PlanForm form, JsonElement value, bool requireAll)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<PlanProblem>();
        foreach (var field in form.Fields)
        {
            if (!value.TryGetProperty(PlanCards.InputPrefix + field.Id, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                AddMissing();
                continue;
            }
            if (element.ValueKind != JsonValueKind.String)
            {
                problems.Add(new PlanProblem(field, PlanProblemKind.Unreadable));
                continue;
            }
            var text = element.GetString()!.Trim();
            if (text.Length > PlanFormLoader.MaxFieldLength)
            {
                text = text[..PlanFormLoader.MaxFieldLength];
            }
            if (field.Kind is PlanFieldKind.Choice or PlanFieldKind.Choices && text.Length > 0)
            {
                var picked = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var known = picked.Where(id => field.Choices.Any(c => c.Id == id)).Distinct(StringComparer.Ordinal).ToList();
                if (known.Count != picked.Length || (field.Kind == PlanFieldKind.Choice && known.Count > 1))
                {
                    problems.Add(new PlanProblem(field, PlanProblemKind.Unreadable));
                }
                text = field.Kind == PlanFieldKind.Choice ? known.FirstOrDefault() ?? string.Empty : string.Join(',', known);
            }
            if (text.Length == 0)
            {
                AddMissing();
                continue;
            }
            if (text.Length > field.MaxLength && field.Kind is PlanFieldKind.Text or PlanFieldKind.Multiline)
            {
                problems.Add(new PlanProblem(field, PlanProblemKind.TooLong, text.Length));
            }
            values[field.Id] = text;

            void AddMissing()
            {
                if (requireAll && field.Required)
                {
                    problems.Add(new PlanProblem(field, PlanProblemKind.Missing));
                }
            }
        }
        return (values, problems);
    }

    private static string Describe(List<PlanProblem> problems)
    {
        var parts = new List<string>();
        if (problems.Where(p => p.Kind == PlanProblemKind.Missing).Select(p => $"«{p.Field.Label}»").ToList() is { Count: > 0 } missing)
        {
            parts.Add("Fyll ut " + Join(missing) + ".");
        }
        if (problems.Where(p => p.Kind == PlanProblemKind.TooLong).Select(p => $"«{p.Field.Label}» ({p.Length} tegn, høyst {p.Field.MaxLength})").ToList() is { Count: > 0 } tooLong)
        {
            parts.Add("Gjør kortere: " + Join(tooLong) + ".");
        }
        if (problems.Where(p => p.Kind == PlanProblemKind.Unreadable).Select(p => $"«{p.Field.Label}»").ToList() is { Count: > 0 } unreadable)
        {
            parts.Add("Jeg kunne ikke lese svaret på " + Join(unreadable) + "; velg eller skriv det på nytt.");
        }
        return string.Join(" ", parts);
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items[..^1]) + " og " + items[^1];

    private static Task<ResourceResponse> SendFormAsync(TurnContext turn, PlanForm form, Organisation organisation, IReadOnlyDictionary<string, string> values, string? note, bool problem, CancellationToken ct) =>
        turn.SendAsync(AdaptiveCards.ToActivity(PlanCards.Form(form, organisation, values, note, problem), form.Title), ct);

    private async Task<PlanDraft?> DraftAsync(TurnContext turn, PlanForm form, CancellationToken ct) =>
        UserKeys.For(turn.Activity) is { } userKey ? await store.GetAsync(PlanDraft.Key(form.OrganisationId, form.Id, userKey), ct) : null;

    private async Task<bool> SaveAsync(TurnContext turn, PlanForm form, IReadOnlyDictionary<string, string> values, bool finished, CancellationToken ct)
    {
        if (UserKeys.For(turn.Activity) is not { } userKey)
        {
            return false;
        }
        var draft = new PlanDraft(values, clock.GetUtcNow()) { Finished = finished };
        await store.UpdateAsync(PlanDraft.Key(form.OrganisationId, form.Id, userKey), _ => draft, ct);
        return true;
    }

    private async Task DeleteDraftAsync(TurnContext turn, PlanForm form, CancellationToken ct)
    {
        if (UserKeys.For(turn.Activity) is { } userKey)
        {
            await store.DeleteAsync(PlanDraft.Key(form.OrganisationId, form.Id, userKey), ct);
        }
    }

    private static string? Text(JsonElement value, string property) =>
        value.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private enum PlanProblemKind
    {
        Missing,
        TooLong,
        Unreadable,
    }

    private sealed record PlanProblem(PlanField Field, PlanProblemKind Kind, int Length = 0);
}
