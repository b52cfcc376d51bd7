using System.Text.Json;
using StrategiBot.Conversation;

namespace StrategiBot.Planning;

/// <summary>
/// Reading and checking a plan form's submitted values, apart from the conversation around them: which
/// values a step sent, which are missing, too long or unreadable, and how to say so in bokmål.
/// </summary>
internal static class PlanValidation
{
    /// <summary>The first step that is not complete, with its problems, or null when the whole form is.</summary>
    public static (int Step, List<PlanProblem> Problems)? FirstStepWithProblems(PlanForm form, IReadOnlyDictionary<string, string> values)
    {
        for (var step = 0; step < form.Groups.Count; step++)
        {
            if (Check(form.Groups[step].Fields, values, requireFilled: true) is { Count: > 0 } problems)
            {
                return (step, problems);
            }
        }
        return null;
    }

    /// <summary>
    /// The saved values with this step's submitted ones in place (trimmed, and cut at the most any field
    /// accepts, so a too-long text comes back to be shortened instead of lost). A field not sent or sent
    /// empty is cleared; a value that is not text keeps the saved one; a choice keeps only the ids the
    /// field knows. The problems are the values that are not text or not among the choices.
    /// </summary>
    public static (Dictionary<string, string> Values, List<PlanProblem> Problems) Read(IReadOnlyList<PlanField> fields, JsonElement value, IReadOnlyDictionary<string, string> saved)
    {
        var values = new Dictionary<string, string>(saved, StringComparer.Ordinal);
        var problems = new List<PlanProblem>();
        foreach (var field in fields)
        {
            if (!value.TryGetProperty(PlanCards.InputPrefix + field.Id, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                values.Remove(field.Id);
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
                values.Remove(field.Id);
                continue;
            }
            values[field.Id] = text;
        }
        return (values, problems);
    }

    /// <summary>Required fields left empty (when the step must be complete) and texts over their limit.</summary>
    public static List<PlanProblem> Check(IEnumerable<PlanField> fields, IReadOnlyDictionary<string, string> values, bool requireFilled)
    {
        var problems = new List<PlanProblem>();
        foreach (var field in fields)
        {
            if (values.GetValueOrDefault(field.Id) is not { Length: > 0 } text)
            {
                if (requireFilled && field.Required)
                {
                    problems.Add(new PlanProblem(field, PlanProblemKind.Missing));
                }
            }
            else if (text.Length > field.MaxLength && field.Kind is PlanFieldKind.Text or PlanFieldKind.Multiline)
            {
                problems.Add(new PlanProblem(field, PlanProblemKind.TooLong, text.Length));
            }
        }
        return problems;
    }

    /// <summary>The problems as one sentence per kind, naming the fields by their (bokmål) labels.</summary>
    public static string Describe(IReadOnlyList<PlanProblem> problems, Language language = Language.Norwegian)
    {
        var words = PlanWords.In(language);
        var parts = new List<string>();
        if (problems.Where(p => p.Kind == PlanProblemKind.Missing).Select(p => words.Quoted(p.Field.Label)).ToList() is { Count: > 0 } missing)
        {
            parts.Add(PlanWords.Format(words.MissingFields, words.Join(missing)));
        }
        if (problems.Where(p => p.Kind == PlanProblemKind.TooLong).Select(p => PlanWords.Format(words.TooLongField, words.Quoted(p.Field.Label), p.Length, p.Field.MaxLength)).ToList() is { Count: > 0 } tooLong)
        {
            parts.Add(PlanWords.Format(words.TooLongFields, words.Join(tooLong)));
        }
        if (problems.Where(p => p.Kind == PlanProblemKind.Unreadable).Select(p => words.Quoted(p.Field.Label)).ToList() is { Count: > 0 } unreadable)
        {
            parts.Add(PlanWords.Format(words.UnreadableFields, words.Join(unreadable)));
        }
        return string.Join(" ", parts);
    }
}

internal enum PlanProblemKind
{
    Missing,
    TooLong,
    Unreadable,
}

/// <summary>One field's problem; <see cref="Length"/> is the text's length when it is too long.</summary>
internal sealed record PlanProblem(PlanField Field, PlanProblemKind Kind, int Length = 0);
