using StrategiBot.Cli;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// Regression floors on whole question sets: the shared development set, our held-out set, the
/// calibration sets the confidence model was fitted on, fresh sets whose misses were read on 2026-12-06,
/// validation sets the threshold was chosen on, and an unseen set no change has been judged by.
/// The floors are the figures reached when they were set; a change that drops below one fails here.
/// </summary>
public sealed class QualityFloorTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    public sealed record Floor(string Name, double Top1, double Top3, double Refused);

    public static TheoryData<Floor> Floors =>
    [
        // Measured 2026-12-06 with `eval` at the default Answering:MinConfidence, rounded down to two
        // decimals (dev 31/38, 36/38, 3/4; holdout 52/58, 56/58, 8/12; calibration 137/162, 149/162,
        // 103/148; fresh 157/186, 171/186, 18/25; validation 116/162, 141/162, 13/18; unseen 58/81,
        // 66/81, 6/9).
        new Floor("dev", Top1: 0.81, Top3: 0.94, Refused: 0.75),
        new Floor("holdout", Top1: 0.89, Top3: 0.96, Refused: 0.66),
        new Floor("calibration", Top1: 0.84, Top3: 0.91, Refused: 0.69),
        new Floor("fresh", Top1: 0.84, Top3: 0.91, Refused: 0.72),
        new Floor("validation", Top1: 0.71, Top3: 0.87, Refused: 0.72),
        new Floor("unseen", Top1: 0.71, Top3: 0.81, Refused: 0.66),
    ];

    [Theory]
    [MemberData(nameof(Floors))]
    public void The_question_set_stays_above_its_floor(Floor floor)
    {
        var answerer = fixture.Answerer();

        var summary = Paths(floor.Name).SelectMany(path => Evaluation.Read(path, org => fixture.Knowledge.Pack(org) is not null))
            .Aggregate(EvalSummary.Empty, (sum, item) => sum.Add(item, answerer.Answer(item.Question!, item.Org!)));

        Assert.True(summary.Top1Rate >= floor.Top1, $"{floor.Name}: top-1 {summary.Top1Rate:F2} < {floor.Top1}");
        Assert.True(summary.Top3Rate >= floor.Top3, $"{floor.Name}: top-3 {summary.Top3Rate:F2} < {floor.Top3}");
        Assert.True(summary.RefusedRate >= floor.Refused, $"{floor.Name}: refused {summary.RefusedRate:F2} < {floor.Refused}");
    }

    /// <summary>The files of a question set, each of which must exist.</summary>
    internal static IReadOnlyList<string> Paths(string set)
    {
        var retrieval = Path.Combine(RepositoryContent.Root, "tests", "StrategiBot.Tests", "Retrieval");
        var calibration = Path.Combine(retrieval, "calibration");
        string[] paths = set switch
        {
            "dev" => [Path.Combine(RepositoryContent.Root, "..", "shared", "eval", "dev.jsonl")],
            "holdout" => [Path.Combine(retrieval, "holdout.jsonl")],
            "calibration" => Directory.Exists(calibration) ? Directory.GetFiles(calibration, "*.jsonl") : [],
            "fresh" => Directory.Exists(Path.Combine(retrieval, "fresh")) ? Directory.GetFiles(Path.Combine(retrieval, "fresh"), "*.jsonl") : [],
            "validation" => Directory.Exists(Path.Combine(retrieval, "validation")) ? Directory.GetFiles(Path.Combine(retrieval, "validation"), "*.jsonl") : [],
            "unseen" => Directory.Exists(Path.Combine(retrieval, "unseen")) ? Directory.GetFiles(Path.Combine(retrieval, "unseen"), "*.jsonl") : [],
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown question set"),
        };
        Assert.True(paths.Length > 0, $"the {set} question set has no files");
        Assert.All(paths, path => Assert.True(File.Exists(path), set == "dev"
            ? $"{path} is missing; the development set lives in ../shared/eval beside the repository."
            : $"{path} is missing."));
        return paths;
    }
}
