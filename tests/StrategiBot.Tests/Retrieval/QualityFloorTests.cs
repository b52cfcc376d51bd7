using StrategiBot.Cli;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// Regression floors on whole question sets: the shared development set, our held-out set, and the
/// calibration sets the confidence model was fitted on. The floors are the figures reached when they were
/// set; a change that drops below one fails here.
/// </summary>
public sealed class QualityFloorTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    public sealed record Floor(string Name, double Top1, double Top3, double Refused);

    public static TheoryData<Floor> Floors =>
    [
        // Measured 2026-11-22 with `eval` at the default Answering:MinConfidence, rounded down to two
        // decimals (dev 30/38, 33/38, 3/4; holdout 48/58, 50/58, 11/12; calibration 0.71, 0.81, 0.82).
        new Floor("dev", Top1: 0.78, Top3: 0.86, Refused: 0.75),
        new Floor("holdout", Top1: 0.82, Top3: 0.86, Refused: 0.91),
        new Floor("calibration", Top1: 0.70, Top3: 0.80, Refused: 0.81),
    ];

    [Theory]
    [MemberData(nameof(Floors))]
    public void The_question_set_stays_above_its_floor(Floor floor)
    {
        var retrieval = Path.Combine(RepositoryContent.Root, "tests", "StrategiBot.Tests", "Retrieval");
        string[] paths = floor.Name switch
        {
            "dev" => [Path.Combine(RepositoryContent.Root, "..", "shared", "eval", "dev.jsonl")],
            "holdout" => [Path.Combine(retrieval, "holdout.jsonl")],
            _ => Directory.GetFiles(Path.Combine(retrieval, "calibration"), "*.jsonl"),
        };
        Assert.All(paths, path => Assert.True(File.Exists(path), $"{path} is missing; the development set lives in ../shared/eval beside the repository."));
        var answerer = fixture.Answerer();

        var summary = paths.SelectMany(Evaluation.Read)
            .Aggregate(EvalSummary.Empty, (sum, item) => sum.Add(item, answerer.Answer(item.Question!, item.Org!)));

        Assert.True(summary.Top1Rate >= floor.Top1, $"{floor.Name}: top-1 {summary.Top1Rate:F2} < {floor.Top1}");
        Assert.True(summary.Top3Rate >= floor.Top3, $"{floor.Name}: top-3 {summary.Top3Rate:F2} < {floor.Top3}");
        Assert.True(summary.RefusedRate >= floor.Refused, $"{floor.Name}: refused {summary.RefusedRate:F2} < {floor.Refused}");
    }
}
