using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;
using StrategiBot.Cards;
using StrategiBot.Content;
using StrategiBot.Conversation;

namespace StrategiBot.Planning;

/// <summary>
/// The plan form as one card per step (a heading of the template), its inputs validated on the card
/// (<c>isRequired</c>, <c>errorMessage</c>, <c>maxLength</c>), and the finished plan as a card and as plain
/// text. No tables: a plan must read as well on a phone as on a desktop.
/// </summary>
internal static class PlanCards
{
    public const string ValueKey = "plan";

    /// <summary>Inputs carry this prefix, so a field id can never collide with the keys of other cards.</summary>
    public const string InputPrefix = "plan.";

    /// <summary>Sends the step's inputs: saves the step and shows the next one, or on the last step makes the plan.</summary>
    public const string NextAction = "next";
    public const string BackAction = "back";
    public const string SaveAction = "save";
    public const string RestartAction = "restart";
    public const string EditAction = "edit";

    /// <summary>
    /// Step <paramref name="step"/> (from 0) of the form: its heading's fields only, prefilled with
    /// <paramref name="values"/>. Adaptive Cards checks every required input for each button that sends
    /// inputs, so only the buttons that need this step's answers send them.
    /// </summary>
    /// <param name="completed">The plans the user had finished on this form when the card was drawn (<see cref="PlanDraft.Completed"/>).</param>
    public static JsonObject Step(PlanForm form, int step, Organisation organisation, IReadOnlyDictionary<string, string> values, Language language = Language.Norwegian, string? note = null, bool noteIsProblem = false, int completed = 0)
    {
        var words = PlanWords.In(language);
        var group = form.Groups[step];
        var last = step == form.Groups.Count - 1;
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(organisation.Name, subtle: true, size: "Small"),
            AdaptiveCards.Heading(form.Title),
            AdaptiveCards.Text(words.StepOf(step, form), subtle: true, size: "Small"),
        };
        if (note is not null)
        {
            var block = AdaptiveCards.Text(note);
            if (noteIsProblem)
            {
                // The words say what is wrong; the colour only adds to them.
                block["color"] = "Attention";
                block["weight"] = "Bolder";
            }
            body.Add(block);
        }
        if (step == 0 && form.IntroIn(language) is { Length: > 0 } intro)
        {
            body.Add(AdaptiveCards.Text(intro, subtle: true));
        }
        body.Add(AdaptiveCards.Subheading(group.Heading));
        if (group.Help is not null)
        {
            body.Add(AdaptiveCards.Text(group.Help, subtle: true, size: "Small"));
        }
        foreach (var field in group.Fields)
        {
            body.Add(Input(field, values.GetValueOrDefault(field.Id), words));
            if (field.Help is not null)
            {
                var help = AdaptiveCards.Text(field.Help, subtle: true, size: "Small");
                help["spacing"] = "None";
                body.Add(help);
            }
        }
        body.Add(AdaptiveCards.Text(last ? words.LastStepHelp : words.StepHelp, subtle: true, size: "Small"));
        body.Add(AdaptiveCards.Text(PlanWords.Format(words.BasedOn, Sources(form)), subtle: true, size: "Small"));
        var actions = new List<JsonNode> { Action(last ? words.MakePlan : words.Next, form, NextAction, step, language, completed: completed) };
        if (step > 0)
        {
            actions.Add(Action(words.Back, form, BackAction, step, language, sendsInputs: false));
        }
        actions.Add(Action(words.Save, form, SaveAction, step, language, completed: completed));
        actions.Add(ConfirmRestart(words, form, step, language));
        // Inputs and their labels need the chat's width, not a narrow bubble.
        return AdaptiveCards.Card(body, actions, fullWidth: true);
    }

    /// <summary>
    /// The finished plan: the template's headings, each answer under its question. The answers, the
    /// project's name among them, are shown verbatim: typed Markdown must not turn into links or formatting
    /// in a card the bot signs. The heading is the form's, so the card keeps a real heading above the name.
    /// </summary>
    public static JsonObject Plan(PlanForm form, Organisation organisation, IReadOnlyDictionary<string, string> values, Language language = Language.Norwegian)
    {
        var words = PlanWords.In(language);
        var body = new List<JsonNode>
        {
            AdaptiveCards.Text(organisation.Name, subtle: true, size: "Small"),
            AdaptiveCards.Heading(form.Title),
        };
        if (form.NameField is { } nameField && Filled(values, nameField))
        {
            body.Add(AdaptiveCards.Verbatim(values[nameField.Id], emphasised: true));
        }
        foreach (var group in form.Groups)
        {
            var filled = group.Fields.Where(f => Filled(values, f)).ToList();
            if (filled.Count == 0)
            {
                continue;
            }
            body.Add(AdaptiveCards.Subheading(group.Heading));
            foreach (var field in filled)
            {
                body.Add(AdaptiveCards.Text("**" + field.Label + "**", size: "Small"));
                var answer = AdaptiveCards.Verbatim(field.Display(values[field.Id]));
                answer["spacing"] = "None";
                body.Add(answer);
            }
        }
        var owner = language == Language.English ? organisation.EnglishName : organisation.Name;
        body.Add(AdaptiveCards.Text(PlanWords.Format(words.FinishedNote, owner, Sources(form)), subtle: true, size: "Small"));
        return AdaptiveCards.Card(body, [Action(words.Edit, form, EditAction, step: null, language, sendsInputs: false)], fullWidth: true);
    }

    /// <summary>The same plan as plain text with the headings in capitals, to paste anywhere.</summary>
    public static string PlainText(PlanForm form, Organisation organisation, IReadOnlyDictionary<string, string> values, Language language = Language.Norwegian)
    {
        var text = new StringBuilder()
            .AppendLine(form.Title.ToUpperInvariant() + ": " + Name(form, values))
            .AppendLine(organisation.Name);
        foreach (var group in form.Groups)
        {
            var filled = group.Fields.Where(f => Filled(values, f)).ToList();
            if (filled.Count == 0)
            {
                continue;
            }
            text.AppendLine().AppendLine(group.Heading.ToUpperInvariant());
            foreach (var field in filled)
            {
                text.AppendLine(field.Label).AppendLine(field.Display(values[field.Id])).AppendLine();
            }
        }
        text.Append(PlanWords.Format(PlanWords.In(language).PlainTextSource, Sources(form)));
        return text.ToString();
    }

    private static string Name(PlanForm form, IReadOnlyDictionary<string, string> values) =>
        form.NameField is { } name && values.GetValueOrDefault(name.Id) is { Length: > 0 } value ? value : form.Title;

    private static bool Filled(IReadOnlyDictionary<string, string> values, PlanField field) =>
        values.GetValueOrDefault(field.Id) is { } value && !string.IsNullOrWhiteSpace(value);

    private static string Sources(PlanForm form) => string.Join("; ", form.Sources.Select(s => s.Title));

    private static JsonObject Input(PlanField field, string? value, PlanWords words)
    {
        var input = new JsonObject
        {
            ["id"] = InputPrefix + field.Id,
            // No " *" of our own: renderers mark an input with isRequired and a label themselves.
            ["label"] = field.Label,
        };
        if (field.Kind is PlanFieldKind.Choice or PlanFieldKind.Choices)
        {
            input["type"] = "Input.ChoiceSet";
            input["style"] = "expanded";
            input["choices"] = new JsonArray([.. field.Choices.Select(c => new JsonObject { ["title"] = c.Title, ["value"] = c.Id })]);
            if (field.Kind == PlanFieldKind.Choices)
            {
                input["isMultiSelect"] = true;
            }
        }
        else
        {
            input["type"] = "Input.Text";
            input["maxLength"] = field.MaxLength;
            if (field.Kind == PlanFieldKind.Multiline)
            {
                input["isMultiline"] = true;
            }
        }
        if (field.Required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = PlanWords.Format(
                field.Kind is PlanFieldKind.Choice or PlanFieldKind.Choices ? words.PickOne : words.FillIn, field.Label);
        }
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
        return input;
    }

    /// <summary>Starting over empties the whole draft, so it opens a confirmation first instead of acting on one tap.</summary>
    private static JsonObject ConfirmRestart(PlanWords words, PlanForm form, int step, Language language) =>
        AdaptiveCards.Confirm(words.Restart, words.RestartWarning, Action(words.RestartConfirm, form, RestartAction, step, language, sendsInputs: false));

    private const string CompletedKey = "completed";

    /// <summary>The finished plans a button's card was drawn under; none on a card that does not say (drawn before any was finished).</summary>
    public static int CompletedOf(JsonElement plan) =>
        plan.ValueKind == JsonValueKind.Object && plan.TryGetProperty(CompletedKey, out var completed) && completed.ValueKind == JsonValueKind.Number
            && completed.TryGetInt32(out var count) ? count : 0;

    /// <summary>A button; <paramref name="step"/> (from 0) travels as the step number the user sees.</summary>
    private static JsonObject Action(string title, PlanForm form, string action, int? step, Language language, bool sendsInputs = true, int completed = 0)
    {
        var plan = new JsonObject { ["form"] = form.Id, ["action"] = action };
        if (completed > 0)
        {
            plan[CompletedKey] = completed;
        }
        if (step is { } index)
        {
            plan["step"] = index + 1;
        }
        var payload = new JsonObject { [ValueKey] = plan };
        CardLanguage.Mark(payload, language);
        var submit = AdaptiveCards.Submit(title, payload);
        if (!sendsInputs)
        {
            submit["associatedInputs"] = "none";
        }
        return submit;
    }
}
