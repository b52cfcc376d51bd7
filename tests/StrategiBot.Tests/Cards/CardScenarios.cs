using System.Globalization;
using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Conversation;
using StrategiBot.Dialogs;
using StrategiBot.Protocol.Schema;
using StrategiBot.Tests.Dialogs;
using StrategiBot.Tests.Planning;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cards;

/// <summary>
/// Every card the bot can emit, as the conversation that makes it emit that card. <see cref="CardQualityTests"/>
/// drives each one through <c>/api/messages</c>, judges the cards with the reference library and
/// <see cref="CardRules"/>, and compares them with their golden files <c>Golden/&lt;name&gt;.json</c>.
/// </summary>
internal static class CardScenarios
{
    /// <summary>
    /// The conversations, written by hand. ADD NEW CARDS HERE: one line per card (a checklist, a tick
    /// answered in the invoke response, the plan form, the feedback buttons ...). Only the cards sent in
    /// answer to the LAST inbound activity belong to the scenario; earlier ones set the scene. Cards returned
    /// in an invoke response (<c>adaptiveCard/action</c> answered with an Adaptive Card) count like sent ones.
    /// Run once with <c>UPDATE_GOLDEN=1</c> to write the new golden files, and review them.
    /// </summary>
    public static IReadOnlyList<CardScenario> Conversations { get; } =
    [
        new("welcome", [Teams.BotInstalledPersonal()]),
        new("welcome-team", [Teams.BotAddedToTeam()]),
        new("welcome-en", [Teams.BotInstalledPersonal() with { Locale = "en-US" }]),
        new("help-nb", [Teams.PersonalMessage("hjelp")]),
        new("help-en", [Teams.PersonalMessage("help")]),
        new("help-group", [Teams.GroupMessage("hjelp", mentionBot: true)]),
        new("help-channel-en", [Teams.GroupMessage("help", mentionBot: true, conversationType: "channel")]),
        // An organisation with fewer commands: no plan template, one checklist.
        new("help-tynset", [Teams.PersonalMessage("hjelp")]) { Organisation = "tynset" },
        new("answer-nb", [Teams.PersonalMessage("Kan jeg kommentere en personalsak i media?")]),
        new("answer-with-see-also", [Teams.PersonalMessage("Hva sier strategien om Facebook?")]),
        new("answer-en", [Teams.PersonalMessage("Who is allowed to talk to the press?")]),
        new("answer-refused-mente-du", [Teams.PersonalMessage("Hvordan skriver jeg en god søknad om midler?")]),
        new("answer-refused-en", [Teams.PersonalMessage("How many days of holiday do I have?")]),
        new("answer-group", [Teams.GroupMessage("Kan jeg kommentere en personalsak i media?", mentionBot: true)]),
        new("dialog-invalid-answer", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("9")]),
        new("dialog-help-midway", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("1"), Teams.PersonalMessage("hjelp")]),
        new("dialog-start-over", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("1"), Teams.PersonalMessage("start på nytt")]),
        new("dialog-unknown-choice", [Teams.PersonalMessage("presse"), Submit(new { dialog = "kontakt-med-pressen", step = "rolle", choice = "no-such-choice" })]),
        new("dialog-restart-button", [Teams.PersonalMessage("presse"), Submit(new { dialog = "kontakt-med-pressen", restart = true })]),
        // A question in the middle of a dialog: the answer card, then the open step again.
        new("dialog-question-midway", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("Kan jeg kommentere en personalsak i media?")]),

        // Checklists: the list, and the cards a Teams invoke answers with (each shipped checklist below).
        new("checklists-nb", [Teams.PersonalMessage("sjekklister")]),
        new("checklists-en", [Teams.PersonalMessage("checklists")]),
        new("checklist-by-phrase", [Teams.PersonalMessage("sjekkliste før jeg publiserer")]),
        new("checklist-dialog-outcome-button", [Submit(new { checklist = "journalisten-ringer", verb = "checklist.open" })]),
        new("checklist-ticked-one", [Teams.CardAction("checklist.save", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer", ["item-stort-publikum"] = "true" })]),
        new("checklist-refresh-for-viewer", [
            Teams.CardAction("checklist.save", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer", ["item-stort-publikum"] = "true" }),
            Teams.CardAction("checklist.refresh", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer" }, trigger: "automatic")]),
        new("checklist-reset", [
            Teams.CardAction("checklist.save", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer", ["item-stort-publikum"] = "true" }),
            Teams.CardAction("checklist.reset", new Dictionary<string, string> { ["checklist"] = "for-du-publiserer" })]),
        // In a group chat the posted card is neutral; each member's own view comes in their invoke response.
        new("checklist-group-chat", [Teams.GroupMessage("sjekkliste journalist", mentionBot: true)]),
        new("checklist-group-chat-mine", [
            Teams.GroupMessage("sjekkliste journalist", mentionBot: true),
            Teams.CardAction("checklist.refresh", new Dictionary<string, string> { ["checklist"] = "journalisten-ringer" }, userId: "29:colleague", inGroup: true)]),
        // An older client's Action.Submit fallback in a group chat posts a message: the answer is the neutral card too.
        new("checklist-group-chat-submit", [
            Teams.CardAction("checklist.save", new Dictionary<string, string> { ["checklist"] = "journalisten-ringer", ["item-apenhet"] = "true" }),
            Teams.CardSubmission(JsonSerializer.SerializeToElement(new { checklist = "journalisten-ringer", verb = "checklist.refresh" }), "29:user-1", sharedIn: "groupChat")]),

        // The communication plan and the feedback that every answer and outcome carries.
        new("plan-form", [Teams.PersonalMessage("kommunikasjonsplan")]),
        new("plan-step-middle", [PlanSteps.Next(1), PlanSteps.Next(2)]),
        new("plan-fields-missing", [PlanSteps.Submission("next", 1, new() { ["plan.budskap"] = "Åpner i august" })]),
        new("plan-draft-resumed", [PlanSteps.Next(1), PlanSteps.Submission("save", 2, new() { ["plan.malgruppe-ma"] = "Foreldre", ["plan.malgruppe-bor"] = "Ansatte i skolene" }), Teams.PersonalMessage("kommunikasjonsplan")]),
        new("plan-complete", [.. PlanSteps.All()]),
        // Asked for in English: the form speaks English around the strategy's bokmål template.
        new("plan-form-en", [Teams.PersonalMessage("communication plan")]),
        new("plan-fields-missing-en", [PlanSteps.Submission("next", 1, new() { ["plan.budskap"] = "Opens in August", [CardLanguage.Key] = CardLanguage.English })]),
        new("plan-complete-en", [.. PlanSteps.All(english: true)]),
        new("plan-no-template", [Teams.PersonalMessage("kommunikasjonsplan")]) { Organisation = "lorenskog" },
        new("feedback-up", [Submit(new { feedback = new { helpful = true, source = "answer", question = "Kan jeg kommentere en personalsak i media?", section = "presse-kjoreregler" } })]),
        new("feedback-down", [Submit(new { feedback = new { helpful = false, source = "answer", question = "Kan jeg kommentere en personalsak i media?", section = "presse-kjoreregler" } })]),

        // Replies that are plain text by design; if one becomes a card, this fails and asks for a golden file.
        new("error-too-long", [Teams.PersonalMessage(new string('a', new BotOptions().MaxMessageLength + 1))]) { EmitsCards = false },
        new("error-unknown-card-submission", [Submit(new { action = "no-such-card", id = "x" })]) { EmitsCards = false },
        new("error-stale-dialog-button", [Submit(new { dialog = "kontakt-med-pressen", step = "rolle", choice = "ansatt" })]) { EmitsCards = false },
        new("plan-draft-saved", [PlanSteps.Next(1), PlanSteps.Submission("save", 2, new() { ["plan.malgruppe-ma"] = "Foreldre" })]) { EmitsCards = false },
        // A draft is one person's: in a group chat or channel the plan command and plan buttons get a note, no form.
        new("plan-in-channel", [PlanSteps.Next(1), Teams.GroupMessage("kommunikasjonsplan", mentionBot: true, conversationType: "channel")]) { EmitsCards = false },
        new("plan-button-in-group-chat", [PlanSteps.Next(1), Teams.CardSubmission(PlanSteps.Next(2).Value!.Value, sharedIn: "groupChat")]) { EmitsCards = false },
        new("dialog-cancelled", [Teams.PersonalMessage("presse"), Teams.PersonalMessage("avbryt")]) { EmitsCards = false },
    ];

    /// <summary>All scenarios: the hand-written ones and every step and outcome of every shipped dialog.</summary>
    public static IReadOnlyList<CardScenario> All => LazyAll.Value;

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var scenario in All)
            {
                data.Add(scenario.Name);
            }
            return data;
        }
    }

    private static readonly Lazy<IReadOnlyList<CardScenario>> LazyAll = new(() => [.. Conversations, .. DialogScenarios(), .. ChecklistScenarios()]);

    /// <summary>A button press (<c>Action.Submit</c>): a message with a value and no text.</summary>
    public static Activity Submit(object value) => Teams.PersonalMessage("") with
    {
        Text = null,
        Value = JsonSerializer.SerializeToElement(value),
    };

    /// <summary>A Universal Action (<c>Action.Execute</c>) as Teams sends it: an <c>adaptiveCard/action</c> invoke.</summary>
    public static Activity Execute(string verb, object data, Activity? from = null) => (from ?? Teams.PersonalMessage("")) with
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Text = null,
        Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" }),
    };

    /// <summary>
    /// Each shipped checklist of each organisation as Teams shows it (the invoke response to opening it),
    /// as Web Chat shows it (the Action.Submit fallback), and with every item ticked.
    /// </summary>
    private static IEnumerable<CardScenario> ChecklistScenarios()
    {
        var checklists = ChecklistLoader.LoadAll(Path.Combine(RepositoryContent.Root, "dialogs"), RepositoryContent.Packs)
            .OrderBy(c => c.OrganisationId, StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal);
        foreach (var checklist in checklists)
        {
            var name = $"checklist-{checklist.OrganisationId}-{checklist.Id}";
            var open = new Dictionary<string, string> { ["checklist"] = checklist.Id };
            yield return new(name, [Teams.CardAction("checklist.open", open)]) { Organisation = checklist.OrganisationId };
            yield return new(name + "-webchat", [Submit(new Dictionary<string, string> { ["checklist"] = checklist.Id, ["verb"] = "checklist.open" }) with { ChannelId = "webchat" }])
            {
                Organisation = checklist.OrganisationId,
            };
            var all = new Dictionary<string, string>(open);
            foreach (var item in checklist.Items)
            {
                all["item-" + item.Id] = "true";
            }
            yield return new(name + "-all-ticked", [Teams.CardAction("checklist.save", all)]) { Organisation = checklist.OrganisationId };
            if (checklist.English is null)
            {
                continue;
            }

            var openEnglish = new Dictionary<string, string>(open) { [CardLanguage.Key] = CardLanguage.English };
            yield return new(name + "-en", [Teams.CardAction("checklist.open", openEnglish)]) { Organisation = checklist.OrganisationId };
            var allEnglish = new Dictionary<string, string>(all) { [CardLanguage.Key] = CardLanguage.English };
            yield return new(name + "-en-all-ticked", [Teams.CardAction("checklist.save", allEnglish)]) { Organisation = checklist.OrganisationId };
        }
    }

    /// <summary>
    /// Each step of each shipped dialog, reached by the first route that leads to it, and each outcome:
    /// the first trigger phrase, then the choice numbers typed one by one.
    /// </summary>
    private static IEnumerable<CardScenario> DialogScenarios()
    {
        var folder = Path.Combine(RepositoryContent.Root, "dialogs");
        var dialogs = DialogLoader.LoadAll(folder, RepositoryContent.Packs, ChecklistLoader.LoadAll(folder, RepositoryContent.Packs))
            .OrderBy(d => d.OrganisationId, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal);
        foreach (var dialog in dialogs)
        {
            // In bokmål from the first trigger, and in English from the first trigger written in English.
            var english = dialog.Triggers.First(t => LanguageDetector.Detect(t) == Language.English);
            foreach (var (trigger, prefix) in new[] { (dialog.Triggers[0], $"dialog-{dialog.OrganisationId}-{dialog.Id}"), (english, $"dialog-{dialog.OrganisationId}-{dialog.Id}-en") })
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (choices, outcome) in DialogPaths.All(dialog))
                {
                    for (var i = 0; i < choices.Count; i++)
                    {
                        if (seen.Add("step-" + choices[i].Step))
                        {
                            yield return Walk(dialog, trigger, $"{prefix}-step-{choices[i].Step}", choices.Take(i));
                        }
                    }
                    if (seen.Add("outcome-" + outcome))
                    {
                        yield return Walk(dialog, trigger, $"{prefix}-outcome-{outcome}", choices);
                    }
                }
            }
        }
    }

    private static CardScenario Walk(DialogDefinition dialog, string trigger, string name, IEnumerable<(string Step, int Number, string Choice)> choices) =>
        new(name, [
            Teams.PersonalMessage(trigger),
            .. choices.Select(c => Teams.PersonalMessage(c.Number.ToString(CultureInfo.InvariantCulture))),
        ])
        {
            Organisation = dialog.OrganisationId,
        };
}

/// <summary>A conversation that makes the bot emit cards: the inbound activities, in order, on empty state.</summary>
internal sealed record CardScenario(string Name, IReadOnlyList<Activity> Inbound)
{
    /// <summary>The <c>Bot:Organisation</c> to run under; null for the default.</summary>
    public string? Organisation { get; init; }

    /// <summary>False for replies that are text by design: the scenario then checks that no card appears.</summary>
    public bool EmitsCards { get; init; } = true;

    public override string ToString() => Name;
}
