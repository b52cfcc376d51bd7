using System.Text.Json;
using StrategiBot.Answering;

namespace StrategiBot.Cli;

/// <summary>
/// <c>ask [--org ID] [--json] "question"</c> prints one answer; <c>ask --jsonl</c> answers JSON lines
/// <c>{"id","question","org"}</c> from stdin, one result line each (the evaluation contract).
/// </summary>
internal static class AskCommand
{
    public static async Task<int> RunAsync(string[] args, Answerer answerer, AnswerComposer composer, string defaultOrganisation, TextReader input, TextWriter output, TextWriter error)
    {
        string? organisation = null;
        var json = false;
        var explain = false;
        var jsonl = false;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--org" when i + 1 < args.Length:
                    organisation = args[++i];
                    break;
                case "--org":
                    await error.WriteLineAsync("--org needs an organisation id.");
                    return 2;
                // Not a configuration override like the other "--key=value" arguments: read as the option it looks like.
                case var option when option.StartsWith("--org=", StringComparison.Ordinal):
                    organisation = option["--org=".Length..];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--jsonl":
                    jsonl = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal))
                    {
                        await error.WriteLineAsync($"Unknown option '{args[i]}'. Usage: ask [--org ID] [--json] \"question\" | ask --jsonl");
                        return 2;
                    }
                    if (!args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        words.Add(args[i]);
                    }
                    break;
            }
        }

        var named = organisation ?? defaultOrganisation;
        organisation = answerer.Knowledge.OrganisationNamed(named);
        if (organisation is null)
        {
            await error.WriteLineAsync($"Unknown organisation '{named}'. Known: {KnownOrganisations(answerer)}.");
            return 2;
        }

        if (jsonl)
        {
            return await AnswerLinesAsync(answerer, organisation, input, output, error);
        }

        var question = string.Join(' ', words).Trim();
        if (question.Length == 0)
        {
            await error.WriteLineAsync("Usage: ask [--org ID] [--json] \"question\" | ask --jsonl");
            return 2;
        }
        if (explain)
        {
            await ExplainAsync(answerer, question, organisation, output);
        }
        var answer = answerer.Answer(question, organisation);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(ToResponse(null, answer), CliJsonContext.Readable.AskResponse));
        }
        else
        {
            await output.WriteLineAsync(composer.Compose(answer).PlainText);
        }
        return 0;
    }

    private static async Task<int> AnswerLinesAsync(Answerer answerer, string defaultOrganisation, TextReader input, TextWriter output, TextWriter error)
    {
        var lineNumber = 0;
        var failures = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            // Every line that is not blank gets exactly one output line, so a caller can pair them up even
            // where a line cannot be answered (its id when it has one, null when it cannot be read at all).
            if (ReadRequest(lineNumber == 1 ? line.TrimStart('\uFEFF') : line) is not { } request)
            {
                await error.WriteLineAsync($"stdin:{lineNumber}: not a JSON object with \"id\", \"question\" and \"org\"");
                await output.WriteLineAsync(JsonSerializer.Serialize(new AskResponse(null, false, []), CliJsonContext.Readable.AskResponse));
                failures++;
                continue;
            }
            var organisation = string.IsNullOrWhiteSpace(request.Org) ? defaultOrganisation : answerer.Knowledge.OrganisationNamed(request.Org);
            if (request.Question is not { Length: > 0 } question || organisation is null)
            {
                await error.WriteLineAsync(organisation is null
                    ? $"stdin:{lineNumber}: unknown organisation '{request.Org}'. Known: {KnownOrganisations(answerer)}."
                    : $"stdin:{lineNumber}: needs a 'question' (text).");
                await output.WriteLineAsync(JsonSerializer.Serialize(new AskResponse(request.Id, false, []), CliJsonContext.Readable.AskResponse));
                failures++;
                continue;
            }
            var answer = answerer.Answer(question, organisation);
            await output.WriteLineAsync(JsonSerializer.Serialize(ToResponse(request.Id, answer), CliJsonContext.Readable.AskResponse));
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// The request on a line, or null when the line is not a JSON object. An id may be text or a number
    /// (echoed as text); a question or org that is not text counts as missing, so the line is still answered
    /// with its id.
    /// </summary>
    private static AskRequest? ReadRequest(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            // Names match in any case ("Question"), as the JSON reader of the other input files reads them.
            JsonElement? Field(string name) => root.EnumerateObject()
                .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
            string? Text(string name) => Field(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
            var id = Field("id") is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : Text("id");
            return new AskRequest(id, Text("question"), Text("org"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string KnownOrganisations(Answerer answerer) => string.Join(", ", answerer.Knowledge.OrganisationIds);

    /// <summary>How the question was read and why passages ranked as they did: for content editors tuning questions.yaml and the lexicon.</summary>
    private static async Task ExplainAsync(Answerer answerer, string question, string organisation, TextWriter output)
    {
        var result = answerer.Knowledge.Search(question, organisation, maxFurther: 4);
        foreach (var group in result.Query.Groups)
        {
            await output.WriteLineAsync($"  {group.Source}: {string.Join(", ", group.Alternatives.Select(a => $"{a.Term}({a.Kind} {a.Weight:0.##})"))}");
        }
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  confidence {result.Confidence:0.00} (question match {result.MutualQuestionMatch:0.00}, passage coverage {result.Coverage:0.00}, best score {result.BestScore:0.00}; unknown words {result.UnknownShare:0.00}; uncovered question match {result.UncoveredMatch:0.00})"));
        if (result.ClosestUncovered is { } uncovered)
        {
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  closest uncovered question ({result.UncoveredMatch:0.00}): {uncovered}"));
        }
        if (result.AsksForADetail)
        {
            // Otherwise an editor sees a high confidence above a refusal and looks for the cause in the ranking.
            await output.WriteLineAsync("  asks for a detail no strategy holds (a 'detail:' phrase in fact-questions.txt): refused");
        }
        foreach (var passage in result.Passages)
        {
            var text = passage.Passage.Text.Replace('\n', ' ');
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {passage.Score,6:0.00} [{passage.Passage.Section.Id}] {text[..Math.Min(140, text.Length)]}"));
        }
        await output.WriteLineAsync();
    }

    private static AskResponse ToResponse(string? id, Answer answer) => new(
        id,
        answer.Answered,
        [.. answer.Citations.Select(c => new AskCitation(c.OrganisationId, c.SectionTitle, c.Text))]);
}
