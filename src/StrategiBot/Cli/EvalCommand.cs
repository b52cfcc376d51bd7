using System.Globalization;
using System.Text.Json;
using StrategiBot.Answering;
using StrategiBot.Content;

namespace StrategiBot.Cli;

/// <summary>
/// <c>eval FILE.jsonl</c>: top-1, top-3 and refusal rates over questions shaped like shared/eval/dev.jsonl.
/// A hit is an expected phrase (whitespace-normalised) inside a citation.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args, Answerer answerer, TextWriter output, TextWriter error)
    {
        var verbose = args.Contains("--verbose");
        var details = args.Contains("--details");
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            await error.WriteLineAsync(file is null ? "Usage: eval FILE.jsonl [--verbose]" : $"No such file: {file}");
            return 2;
        }

        int answerable = 0, top1 = 0, top3 = 0, unanswerable = 0, refused = 0, falseRefusals = 0;
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            EvalCase? item;
            try
            {
                item = JsonSerializer.Deserialize(line, CliJsonContext.Default.EvalCase);
            }
            catch (JsonException ex)
            {
                await error.WriteLineAsync($"{file}:{lineNumber}: not a JSON object ({ex.Message})");
                return 2;
            }
            if (item?.Question is null || item.Org is null)
            {
                await error.WriteLineAsync($"{file}:{lineNumber}: needs 'question' and 'org'.");
                return 2;
            }
            var answer = answerer.Answer(item.Question, item.Org);
            if (details)
            {
                var r = answerer.Knowledge.Search(item.Question, item.Org);
                var hit = r.Passages.Select(p => Normalise(p.Passage.Text)).ToList().FindIndex(t => (item.Expect ?? []).Any(e => t.Contains(Normalise(e), StringComparison.Ordinal)));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"D\t{item.Id}\t{(item.Answerable == false ? 0 : 1)}\t{hit}\t{r.Coverage:F3}\t{r.KnownCoverage:F3}\t{r.UnknownShare:F3}\t{r.BestScore:F3}\t{r.SecondScore:F3}\t{r.Query.Groups.Count}\t{r.QuestionCoverage:F3}"));
            }
            var texts = answer.Citations.Select(c => Normalise(c.Text)).ToList();
            var expects = (item.Expect ?? []).Select(Normalise).ToList();
            if (item.Answerable == false)
            {
                unanswerable++;
                refused += answer.Answered ? 0 : 1;
                if (verbose && answer.Answered)
                {
                    await output.WriteLineAsync($"NOT REFUSED {item.Id}: {item.Question} -> [{answer.Citations[0].SectionId}] conf={answer.Confidence:F2}");
                }
                continue;
            }
            answerable++;
            var rank = texts.FindIndex(t => expects.Any(e => t.Contains(e, StringComparison.Ordinal)));
            if (!answer.Answered)
            {
                falseRefusals++;
            }
            else if (rank == 0)
            {
                top1++;
            }
            if (answer.Answered && rank is >= 0 and < 3)
            {
                top3++;
            }
            if (verbose && (rank != 0 || !answer.Answered))
            {
                var got = answer.Citations.Count > 0 ? answer.Citations[0].SectionId : "-";
                await output.WriteLineAsync($"{(answer.Answered ? "MISS" : "REFUSED")} {item.Id} rank={rank} conf={answer.Confidence:F2}: {item.Question} -> [{got}]");
            }
        }

        string Rate(int n, int d) => d == 0 ? "n/a" : ((double)n / d).ToString("F2", CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"answerable: {answerable}  top-1: {Rate(top1, answerable)}  top-3: {Rate(top3, answerable)}  wrongly refused: {Rate(falseRefusals, answerable)}");
        await output.WriteLineAsync($"unanswerable: {unanswerable}  refused: {Rate(refused, unanswerable)}");
        return 0;
    }

    private static string Normalise(string text) => ContentPackLoader.Normalise(text);
}
