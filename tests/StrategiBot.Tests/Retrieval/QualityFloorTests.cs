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
        // Measured 2026-12-06 with `eval` at the default Answering:MinConfidence, after English questions
        // naming a place with æ/ø/å were recognised as English and the model refitted, rounded down to two
        // decimals (dev 31/38, 36/38, 3/4; holdout 52/58, 57/58, 8/12; calibration 136/162, 149/162,
        // 104/148; fresh 157/186, 170/186, 20/25; validation 118/162, 142/162, 13/18; unseen 60/81, 66/81, 6/9).
        // Two validation questions sit on the threshold (0.2996 and 0.301), so its figures may move by one. The dev floor is one question lower: ot-027's
        // confidence lands on the threshold itself (0.300), so rounding in the last float digit decides it.
        new Floor("dev", Top1: 0.78, Top3: 0.92, Refused: 0.75),
        new Floor("holdout", Top1: 0.89, Top3: 0.98, Refused: 0.66),
        new Floor("calibration", Top1: 0.83, Top3: 0.91, Refused: 0.70),
        new Floor("fresh", Top1: 0.84, Top3: 0.91, Refused: 0.80),
        new Floor("validation", Top1: 0.72, Top3: 0.87, Refused: 0.72),
        new Floor("unseen", Top1: 0.74, Top3: 0.81, Refused: 0.66),
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
