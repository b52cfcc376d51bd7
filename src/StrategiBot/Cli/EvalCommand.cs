using System.Globalization;
using StrategiBot.Answering;
using StrategiBot.Content;
using StrategiBot.Retrieval;

namespace StrategiBot.Cli;

/// <summary>
/// <c>eval FILE.jsonl...</c>: top-1, top-3 and refusal rates over question sets shaped like
/// shared/eval/dev.jsonl. <c>--verbose</c> lists the misses; <c>--details</c> prints a tab-separated line
/// per question (id, answerable, rank of the first hit among the offered passages, confidence, the confidence
/// signals, the top passage and every passage holding an expected phrase, as section#passage); <c>--fit</c>
/// fits the confidence model on the files' labels and prints it. <c>--held-out K</c> searches each question
/// in a knowledge base without the stored questions it asks word for word (see <see cref="HeldOut"/>).
/// </summary>
internal static class EvalCommand
{
    private const string Usage = "Usage: eval FILE.jsonl... [--verbose] [--details] [--fit] [--held-out K]";

    /// <param name="content">Where the lexicon is, for <c>--held-out</c>, which builds knowledge bases of its own.</param>
    public static async Task<int> RunAsync(string[] args, Answerer answerer, ContentOptions content, TextWriter output, TextWriter error)
    {
        var verbose = false;
        var details = false;
        var fit = false;
        var folds = 1;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = CommandLine.SplitOption(args[i]);
            if (name == "--held-out")
            {
                // Its value written into it ("--held-out=5") or the next argument.
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out folds) || folds < 2)
                {
                    await error.WriteLineAsync($"--held-out needs a number of folds, 2 or more, not '{value}'. {Usage}");
                    return 2;
                }
                continue;
            }
            switch (args[i])
            {
                case "--verbose":
                    verbose = true;
                    break;
                case "--details":
                    details = true;
                    break;
                case "--fit":
                    fit = true;
                    break;
                // "--key=value" is a configuration override; any other option must be one of ours, or a typo
                // ("--verbos") would quietly drop what was asked for.
                case { } other when other.StartsWith("--", StringComparison.Ordinal) && !other.Contains('=', StringComparison.Ordinal):
                    await error.WriteLineAsync($"Unknown option '{other}'. {Usage}");
                    return 2;
                case { } other when !other.StartsWith("--", StringComparison.Ordinal):
                    files.Add(other);
                    break;
            }
        }
        if (files.Count == 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            await error.WriteLineAsync($"No such file: {missing}");
            return 2;
        }
        List<EvalCase> cases;
        try
        {
            cases = [.. files.SelectMany(f => Evaluation.Read(f, answerer.Knowledge.OrganisationNamed))];
        }
        catch (ContentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
        var answererOf = folds > 1 ? HeldOut(cases, folds, answerer, content) : _ => answerer;
        if (fit)
        {
            return await FitAsync(cases, answererOf, answerer, output, error);
        }

        var summary = EvalSummary.Empty;
        for (var i = 0; i < cases.Count; i++)
        {
            var item = cases[i];
            var asked = answererOf(i);
            // Judged as the bot answers, a section named by its title included.
            var (answer, search) = asked.Answered(item.Question!, item.Org!);
            summary = summary.Add(item, answer);
            if (details)
            {
                // A section named by its title is shown without a search; its signals still come from one.
                var result = search ?? asked.Knowledge.Search(item.Question!, item.Org!);
                var rank = Evaluation.HitRank(item, result.Passages.Select(p => p.Passage.Text));
                var expected = asked.Knowledge.Index.Passages.Where(p => p.OrganisationId == item.Org && Evaluation.HitRank(item, [p.Text]) == 0)
                    .Select(p => $"{p.Section.Id}#{p.Index}").DefaultIfEmpty("-");
                var top = result.Passages.Count > 0 ? $"{result.Passages[0].Passage.Section.Id}#{result.Passages[0].Passage.Index}" : "-";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"D\t{item.Id}\t{(item.Answerable == false ? 0 : 1)}\t{rank}\t{result.Confidence:F3}\t{string.Join('\t', result.Features.Select(f => f.ToString("F3", CultureInfo.InvariantCulture)))}\t{top}\t{string.Join(' ', expected)}"));
            }
            if (verbose)
            {
                await ExplainMissAsync(item, answer, output);
            }
        }
        await output.WriteLineAsync(summary.ToString());
        return 0;
    }

    /// <summary>
    /// For <c>--held-out K</c>: the questions are dealt into K folds (a question asked twice stays in one), and
    /// each fold is searched in a knowledge base built without the stored questions (question files and
    /// uncovered lists) that a question of the fold asks word for word. A set whose questions are stored then
    /// measures as questions the bot has not met, and the model can be fitted on it: its features no longer
    /// come from finding itself. Each fold's knowledge base lacks a Kth of those sets, so the figures are a
    /// little below what a new question would get, except that a writer's close paraphrase of a question may
    /// sit in another fold and stay stored, which flatters.
    /// </summary>
    private static Func<int, Answerer> HeldOut(List<EvalCase> cases, int folds, Answerer answerer, ContentOptions content)
    {
        static string Key(string text) => ContentPackLoader.QuestionKey(text);
        var foldOfKey = new Dictionary<(string Org, string Key), int>();
        var foldOfCase = new int[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var key = (cases[i].Org!, Key(cases[i].Question!));
            if (!foldOfKey.TryGetValue(key, out var fold))
            {
                foldOfKey[key] = fold = foldOfKey.Count % folds;
            }
            foldOfCase[i] = fold;
        }
        // The packs the answerer was built from, in the order the loader gives them (by id).
        var packs = answerer.Knowledge.OrganisationIds.Select(id => answerer.Knowledge.Pack(id)!).ToList();
        // More folds than questions would build knowledge bases that leave nothing out.
        var answerers = Enumerable.Range(0, Math.Min(folds, foldOfKey.Count)).Select(fold =>
        {
            bool Kept(string org, string text) => !(foldOfKey.TryGetValue((org, Key(text)), out var f) && f == fold);
            var reduced = packs.Select(p => p with
            {
                Questions = p.Questions.ToDictionary(
                    q => q.Key,
                    IReadOnlyList<AlternateQuestion> (q) => [.. q.Value.Where(a => Kept(p.Organisation.Id, a.Text))],
                    StringComparer.Ordinal),
                Uncovered = [.. p.Uncovered.Where(u => Kept(p.Organisation.Id, u))],
            }).ToList();
            return answerer.With(KnowledgeRegistration.Build(content, reduced));
        }).ToArray();
        return i => answerers[foldOfCase[i]];
    }

    private static async Task ExplainMissAsync(EvalCase item, Answer answer, TextWriter output)
    {
        var got = answer.Citations.Count > 0 ? answer.Citations[0].SectionId : "-";
        if (item.Answerable == false)
        {
            if (answer.Answered)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"NOT REFUSED {item.Id}: {item.Question} -> [{got}] conf={answer.Confidence:F2}"));
            }
            return;
        }
        var rank = Evaluation.HitRank(item, answer.Citations.Select(c => c.Text));
        if (rank != 0 || !answer.Answered)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(answer.Answered ? "MISS" : "REFUSED")} {item.Id} rank={rank} conf={answer.Confidence:F2}: {item.Question} -> [{got}]"));
        }
    }

    /// <summary>
    /// Fits <see cref="ConfidenceModel"/> to the files' answerable labels and prints it, with the rates the
    /// fitted model would give on these same files.
    /// </summary>
    private static async Task<int> FitAsync(List<EvalCase> cases, Func<int, Answerer> answererOf, Answerer answerer, TextWriter output, TextWriter error)
    {
        var results = cases.Select((item, i) => (Case: item, Result: answererOf(i).Knowledge.Search(item.Question!, item.Org!))).ToList();
        var samples = Evaluation.FitSamples(results);
        if (!samples.Any(s => s.Answerable) || !samples.Any(s => !s.Answerable))
        {
            await error.WriteLineAsync("Fitting needs both answerable and unanswerable questions.");
            return 2;
        }
        var model = ConfidenceModel.Fit(samples);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"new ConfidenceModel({model.Bias:F2}f, [{string.Join(", ", model.Weights.Select(w => w.ToString("F2", CultureInfo.InvariantCulture) + "f"))}])  // from {samples.Count} questions"));
        foreach (var (name, weight) in ConfidenceModel.SignalNames.Zip(model.Weights))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name}: {weight:F2}"));
        }

        var summary = results.Aggregate(EvalSummary.Empty, (sum, r) => sum.Add(r.Case, answerer.FromResult(r.Result, model.Probability(r.Result.Features))));
        await output.WriteLineAsync("with it, at the configured Answering:MinConfidence:");
        await output.WriteLineAsync(summary.ToString());
        return 0;
    }
}
