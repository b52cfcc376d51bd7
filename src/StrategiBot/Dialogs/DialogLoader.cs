using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Conversation;
using YamlDotNet.RepresentationModel;
using static StrategiBot.Content.YamlNodes;

namespace StrategiBot.Dialogs;

/// <summary>
/// Reads and checks the dialog files of every organisation. Anything that would strand a user (an unknown
/// step, an unreachable step, a loop, a dead end), misquote the strategy (an unknown section, item or
/// quote) or offer a checklist the organisation does not have stops the start with the file and line.
/// </summary>
internal static class DialogLoader
{
    private const int MinChoices = 2;
    private const int MaxChoices = 7;

    /// <summary>A label is a button's text; Teams cuts longer ones, and in a row of five they crowd each other.</summary>
    private const int MaxLabelLength = 40;

    public static IReadOnlyList<DialogDefinition> LoadAll(string dialogsRoot, IReadOnlyCollection<ContentPack> packs, IReadOnlyCollection<ChecklistDefinition> checklists) =>
        [.. OrganisationFolders.YamlFiles(dialogsRoot, subFolder: null, packs)
            .Select(f => Load(f.File, f.Pack, [.. checklists.Where(c => c.OrganisationId == f.Pack.Organisation.Id)]))];

    /// <param name="checklists">The organisation's checklists, which outcomes may offer.</param>
    public static DialogDefinition Load(string path, ContentPack pack, IReadOnlyCollection<ChecklistDefinition> checklists)
    {
        var root = ReadMapping(path, "a dialog file must be a mapping with id, title, start, steps and outcomes.");
        CheckKeys(path, root, "id", "title", "title-en", "description", "description-en", "triggers", "start", "steps", "outcomes");
        var id = FileId(path, root, "dialog");
        var texts = new BilingualTexts(path, "dialog", "every title, description, question, label and guidance");
        var title = texts.Required(root, "title");
        var description = texts.Optional(root, "description");
        var triggers = Triggers(path, root);
        var start = Scalar(path, root, "start");

        var outcomes = new Dictionary<string, DialogOutcome>(StringComparer.Ordinal);
        var englishOutcomes = new Dictionary<string, DialogOutcome>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(path, root, "outcomes").Children)
        {
            var outcomeId = CheckId(path, key, "outcome");
            if (outcomes.ContainsKey(outcomeId))
            {
                throw new ContentException(path, Line(key), $"the outcome id '{outcomeId}' is used twice.");
            }
            (outcomes[outcomeId], englishOutcomes[outcomeId]) = Outcome(path, outcomeId, AsMapping(path, value), pack, checklists, texts);
        }

        var steps = new Dictionary<string, DialogStep>(StringComparer.Ordinal);
        var englishSteps = new Dictionary<string, DialogStep>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(path, root, "steps").Children)
        {
            var stepId = CheckId(path, key, "step");
            if (steps.ContainsKey(stepId))
            {
                throw new ContentException(path, Line(key), $"the step id '{stepId}' is used twice.");
            }
            if (outcomes.ContainsKey(stepId))
            {
                throw new ContentException(path, Line(key), $"'{stepId}' is both a step and an outcome.");
            }
            (steps[stepId], englishSteps[stepId]) = Step(path, stepId, AsMapping(path, value), outcomes, texts);
        }

        if (!steps.ContainsKey(start.Value))
        {
            throw new ContentException(path, start.Line, $"start '{start.Value}' is not a step.");
        }
        foreach (var step in steps.Values)
        {
            foreach (var choice in step.Choices.Where(c => c.Next is not null && !steps.ContainsKey(c.Next)))
            {
                throw new ContentException(path, step.Line, $"choice '{choice.Id}' of step '{step.Id}' leads to '{choice.Next}', which is not a step.");
            }
        }
        CheckReachability(path, start.Value, steps, outcomes);
        texts.CheckComplete();
        var dialog = new DialogDefinition(pack.Organisation.Id, id, title.Norwegian, description.Norwegian ?? string.Empty, triggers, start.Value, steps, outcomes);
        return !texts.HasEnglish ? dialog : dialog with
        {
            English = dialog with
            {
                Title = title.English!,
                Description = description.English ?? string.Empty,
                Steps = englishSteps,
                Outcomes = englishOutcomes,
                Language = Language.English,
            },
        };
    }

    /// <summary>Every step and outcome is reachable from the start, and no path loops.</summary>
    private static void CheckReachability(string path, string start, Dictionary<string, DialogStep> steps, Dictionary<string, DialogOutcome> outcomes)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string stepId)
        {
            if (!onPath.Add(stepId))
            {
                throw new ContentException(path, steps[stepId].Line, $"step '{stepId}' can be reached from itself; a dialog must always move towards an outcome.");
            }
            reached.Add(stepId);
            foreach (var choice in steps[stepId].Choices)
            {
                if (choice.Next is { } next)
                {
                    Walk(next);
                }
                else
                {
                    reached.Add(choice.Outcome!);
                }
            }
            onPath.Remove(stepId);
        }
        Walk(start);
        foreach (var step in steps.Values.Where(s => !reached.Contains(s.Id)))
        {
            throw new ContentException(path, step.Line, $"step '{step.Id}' cannot be reached from the start.");
        }
        foreach (var outcome in outcomes.Values.Where(o => !reached.Contains(o.Id)))
        {
            throw new ContentException(path, outcome.Line, $"outcome '{outcome.Id}' cannot be reached from the start.");
        }
    }

    /// <returns>The step in bokmål, and in English (with the bokmål where the file has no English).</returns>
    private static (DialogStep Norwegian, DialogStep English) Step(string path, string id, YamlMappingNode node, Dictionary<string, DialogOutcome> outcomes, BilingualTexts texts)
    {
        CheckKeys(path, node, "question", "question-en", "choices");
        var question = texts.Required(node, "question");
        var items = Sequence(path, node, "choices");
        if (items.Children.Count is < MinChoices or > MaxChoices)
        {
            throw new ContentException(path, Line(items), $"step '{id}' needs {MinChoices} to {MaxChoices} choices, not {items.Children.Count}.");
        }
        var choices = new List<DialogChoice>();
        var englishChoices = new List<DialogChoice>();
        foreach (var item in items)
        {
            var map = AsMapping(path, item);
            CheckKeys(path, map, "id", "label", "label-en", "next", "outcome");
            var choiceId = CheckId(path, Scalar(path, map, "id").Node, "choice");
            if (choices.Any(c => c.Id == choiceId))
            {
                throw new ContentException(path, Line(map), $"the choice id '{choiceId}' is used twice in step '{id}'.");
            }
            var next = OptionalText(path, map, "next");
            var outcome = OptionalText(path, map, "outcome");
            if ((next is null) == (outcome is null))
            {
                throw new ContentException(path, Line(map), $"choice '{choiceId}' needs exactly one of 'next' (a step) or 'outcome'.");
            }
            if (outcome is not null && !outcomes.ContainsKey(outcome))
            {
                throw new ContentException(path, Line(map), $"choice '{choiceId}' leads to outcome '{outcome}', which is not defined.");
            }
            var label = texts.Required(map, "label");
            foreach (var (text, line) in new[] { (label.Norwegian, label.Line), (label.English, label.EnglishLine) })
            {
                if (text is { Length: > MaxLabelLength })
                {
                    throw new ContentException(path, line, $"the label '{text}' has {text.Length} characters; a button holds at most {MaxLabelLength}.");
                }
            }
            choices.Add(new DialogChoice(choiceId, label.Norwegian, next, outcome));
            englishChoices.Add(new DialogChoice(choiceId, label.English ?? label.Norwegian, next, outcome));
        }
        return (new DialogStep(id, question.Norwegian, choices, Line(node)), new DialogStep(id, question.English ?? question.Norwegian, englishChoices, Line(node)));
    }

    /// <returns>The outcome in bokmål, and in English (with the bokmål where the file has no English).</returns>
    private static (DialogOutcome Norwegian, DialogOutcome English) Outcome(string path, string id, YamlMappingNode node, ContentPack pack, IReadOnlyCollection<ChecklistDefinition> checklists, BilingualTexts texts)
    {
        CheckKeys(path, node, "title", "title-en", "guidance", "guidance-en", "cites", "contact", "checklist");
        var title = texts.Required(node, "title");
        var guidance = texts.Required(node, "guidance");
        var cites = Sequence(path, node, "cites").Select(item => StrategyCitations.Resolve(path, AsMapping(path, item), pack)).ToList();
        if (cites.Count == 0)
        {
            throw new ContentException(path, Line(node), $"outcome '{id}' must cite the strategy at least once.");
        }
        var contact = false;
        if (OptionalNode(node, "contact") is { } contactNode && !bool.TryParse(ScalarText(path, contactNode), out contact))
        {
            throw new ContentException(path, Line(contactNode), $"outcome '{id}': 'contact' must be true or false.");
        }
        ChecklistDefinition? checklist = null;
        if (OptionalNode(node, "checklist") is { } checklistNode)
        {
            var checklistId = ScalarText(path, checklistNode);
            checklist = checklists.FirstOrDefault(k => k.Id == checklistId)
                ?? throw new ContentException(path, Line(checklistNode),
                    $"checklist '{checklistId}' is not a checklist of {pack.Organisation.Id} (dialogs/{pack.Organisation.Id}/sjekklister/); known: {string.Join(", ", checklists.Select(k => k.Id).Order(StringComparer.Ordinal))}.");
        }
        var outcome = new DialogOutcome(id, title.Norwegian, guidance.Norwegian.Trim(), cites, contact,
            checklist is null ? null : new ChecklistLink(checklist.Id, checklist.Title), Line(node));
        return (outcome, outcome with
        {
            Title = title.English ?? title.Norwegian,
            Guidance = (guidance.English ?? guidance.Norwegian).Trim(),
            // A checklist without English opens in bokmål, and its button says so.
            Checklist = checklist is null ? null : new ChecklistLink(checklist.Id, checklist.TitleFor(Language.English)),
        });
    }
}
