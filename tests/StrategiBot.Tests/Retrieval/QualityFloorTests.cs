using System.Text.Json;
using StrategiBot.Cli;
using StrategiBot.Content;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// Regression floors on whole question sets: the shared development set and our own held-out set. The
/// floors are the figures reached when they were set; a change that drops below one fails here.
/// </summary>
public sealed class QualityFloorTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    public sealed record Floor(string Name, double Top1, double Top3, double Refused);

    public static TheoryData<Floor> Floors =>
    [
        // Measured 2026-11-22 with `eval` at the default Answering:MinConfidence, rounded down to two
        // decimals (dev 30/38, 33/38, 3/4; holdout 46/58, 49/58, 10/12).
        new Floor("dev", Top1: 0.78, Top3: 0.86, Refused: 0.75),
        new Floor("holdout", Top1: 0.79, Top3: 0.84, Refused: 0.83),
    ];

    [Theory]
    [MemberData(nameof(Floors))]
    public void The_question_set_stays_above_its_floor(Floor floor)
    {
        var path = floor.Name == "dev"
            ? Path.Combine(RepositoryContent.Root, "..", "shared", "eval", "dev.jsonl")
            : Path.Combine(RepositoryContent.Root, "tests", "StrategiBot.Tests", "Retrieval", "holdout.jsonl");
        Assert.True(File.Exists(path), $"{path} is missing; the development set lives in ../shared/eval beside the repository.");
        var answerer = fixture.Answerer();
        int answerable = 0, top1 = 0, top3 = 0, unanswerable = 0, refused = 0;

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var item = JsonSerializer.Deserialize(line, CliJsonContext.Default.EvalCase)!;
            var answer = answerer.Answer(item.Question!, item.Org!);
            if (item.Answerable == false)
            {
                unanswerable++;
                refused += answer.Answered ? 0 : 1;
                continue;
            }
            answerable++;
            var expects = (item.Expect ?? []).Select(ContentPackLoader.Normalise).ToList();
            var rank = answer.Citations.Select(c => ContentPackLoader.Normalise(c.Text)).ToList()
                .FindIndex(t => expects.Any(e => t.Contains(e, StringComparison.Ordinal)));
            top1 += answer.Answered && rank == 0 ? 1 : 0;
            top3 += answer.Answered && rank is >= 0 and < 3 ? 1 : 0;
        }

        Assert.True((double)top1 / answerable >= floor.Top1, $"{floor.Name}: top-1 {(double)top1 / answerable:F2} < {floor.Top1}");
        Assert.True((double)top3 / answerable >= floor.Top3, $"{floor.Name}: top-3 {(double)top3 / answerable:F2} < {floor.Top3}");
        Assert.True((double)refused / unanswerable >= floor.Refused, $"{floor.Name}: refused {(double)refused / unanswerable:F2} < {floor.Refused}");
    }
}
