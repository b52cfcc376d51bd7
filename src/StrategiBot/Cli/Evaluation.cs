using System.Globalization;
using System.Text.Json;
using StrategiBot.Answering;
using StrategiBot.Content;
using StrategiBot.Retrieval;

namespace StrategiBot.Cli;

/// <summary>
/// Question sets shaped like shared/eval/dev.jsonl, and how an answer is judged against one: a hit is an
/// expected phrase (whitespace-normalised) inside a citation, and only an answer given counts.
/// </summary>
internal static class Evaluation
{
    /// <summary>The cases of a file; a line that is not a case, or names an unknown organisation, fails with the file and line.</summary>
    /// <param name="organisationNamed">The id of the organisation a line names (<see cref="Retrieval.KnowledgeBase.OrganisationNamed"/>), or null.</param>
    public static IReadOnlyList<EvalCase> Read(string path, Func<string, string?> organisationNamed)
    {
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
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
                throw new ContentException(path, lineNumber, $"not a JSON object ({ex.Message})");
            }
            if (item?.Question is null || item.Org is null)
            {
                throw new ContentException(path, lineNumber, "needs 'question' and 'org'.");
            }
            if (organisationNamed(item.Org) is not { } organisation)
            {
                throw new ContentException(path, lineNumber, $"no content pack for the organisation '{item.Org}'.");
            }
            cases.Add(item with { Org = organisation });
        }
        return cases;
    }

    /// <summary>
    /// What the confidence model is fitted on: the signals and label of every question that matched some
    /// passage and that the model decides; a question for a detail is refused whatever it says.
    /// </summary>
    public static List<(float[] Features, bool Answerable)> FitSamples(IEnumerable<(EvalCase Case, RetrievalResult Result)> results) =>
        [.. results.Where(r => r.Result.Passages.Count > 0 && !r.Result.AsksForADetail).Select(r => (r.Result.Features.ToArray(), r.Case.Answerable != false))];

    /// <summary>The position of the first citation holding an expected phrase, or -1.</summary>
    public static int HitRank(EvalCase item, IEnumerable<string> citationTexts)
    {
        var expects = (item.Expect ?? []).Select(ContentPackLoader.Normalise).ToList();
        return citationTexts.Select(ContentPackLoader.Normalise).ToList()
            .FindIndex(t => expects.Any(e => t.Contains(e, StringComparison.Ordinal)));
    }
}

/// <summary>Counts over a question set: answerable questions answered at rank 1 and among the first three; unanswerable ones refused.</summary>
internal sealed record EvalSummary(int Answerable, int Top1, int Top3, int WronglyRefused, int Unanswerable, int Refused)
{
    public static EvalSummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public double Top1Rate => Rate(Top1, Answerable);

    public double Top3Rate => Rate(Top3, Answerable);

    public double RefusedRate => Rate(Refused, Unanswerable);

    public EvalSummary Add(EvalCase item, Answer answer)
    {
        if (item.Answerable == false)
        {
            return this with { Unanswerable = Unanswerable + 1, Refused = Refused + (answer.Answered ? 0 : 1) };
        }
        var rank = answer.Answered ? Evaluation.HitRank(item, answer.Citations.Select(c => c.Text)) : -1;
        return this with
        {
            Answerable = Answerable + 1,
            Top1 = Top1 + (rank == 0 ? 1 : 0),
            Top3 = Top3 + (rank is >= 0 and < 3 ? 1 : 0),
            WronglyRefused = WronglyRefused + (answer.Answered ? 0 : 1),
        };
    }

    public override string ToString()
    {
        string Format(double rate, int denominator) => denominator == 0 ? "n/a" : rate.ToString("F2", CultureInfo.InvariantCulture);
        return $"answerable: {Answerable}  top-1: {Format(Top1Rate, Answerable)}  top-3: {Format(Top3Rate, Answerable)}  wrongly refused: {Format(Rate(WronglyRefused, Answerable), Answerable)}\n"
            + $"unanswerable: {Unanswerable}  refused: {Format(RefusedRate, Unanswerable)}";
    }

    private static double Rate(int count, int of) => of == 0 ? 0 : (double)count / of;
}
