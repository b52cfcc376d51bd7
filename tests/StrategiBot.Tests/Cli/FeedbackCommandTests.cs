using System.Text.Json;
using StrategiBot.Cli;
using StrategiBot.Feedback;
using StrategiBot.Storage;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cli;

/// <summary>The feedback export for the communication department: counts per section, questions voted down, no user keys.</summary>
public sealed class FeedbackCommandTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Json_counts_per_section_and_lists_the_questions_voted_down_newest_first()
    {
        var store = await StoreWithVotesAsync();
        var output = new StringWriter();

        var exit = await FeedbackCommand.RunAsync(["--json"], fixture.Knowledge, store, "ostre-toten", output, new StringWriter());

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        var press = root.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "presse-kjoreregler");
        Assert.Equal((2, 1), (press.GetProperty("helpful").GetInt32(), press.GetProperty("notHelpful").GetInt32()));
        Assert.Equal(["Hvor mange feriedager har jeg?", "Kan jeg uttale meg om en personalsak?"], root.GetProperty("notHelpful").EnumerateArray().Select(q => q.GetProperty("question").GetString()));
        Assert.DoesNotContain("user-", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_names_sections_by_title()
    {
        var output = new StringWriter();

        await FeedbackCommand.RunAsync([], fixture.Knowledge, await StoreWithVotesAsync(), "ostre-toten", output, new StringWriter());

        var text = output.ToString();
        Assert.Contains("4 tilbakemeldinger for Østre Toten kommune.", text, StringComparison.Ordinal);
        Assert.Contains("   2 / 1    Vedlegg › Vedlegg 4: Kjøreregler for kontakt med pressen", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-21  [-]  Hvor mange feriedager har jeg?", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--org", "atlantis")]
    [InlineData("--org=atlantis")]
    public async Task An_unknown_organisation_is_an_error(params string[] args)
    {
        var error = new StringWriter();

        var exit = await FeedbackCommand.RunAsync(args, fixture.Knowledge, new MemoryStateStore(), "ostre-toten", new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown organisation 'atlantis'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_may_be_given_as_org_equals_id()
    {
        var output = new StringWriter();

        var exit = await FeedbackCommand.RunAsync(["--org=tynset"], fixture.Knowledge, new MemoryStateStore(), "ostre-toten", output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Tynset kommune", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Run as the communication department runs it, against a database path with nothing there.</summary>
    [Fact]
    public async Task A_database_that_is_not_there_is_an_error_and_is_not_created()
    {
        using var folder = new TempFolder("feedback-missing");
        var database = Path.Combine(folder.Path, "nowhere", "votes.db");
        var (exitCode, output, error) = await AppProcess.RunAsync(["feedback", $"--Storage:ConnectionString=Data Source={database}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"No feedback database at {database}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("tilbakemeldinger", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    private static async Task<MemoryStateStore> StoreWithVotesAsync()
    {
        var store = new MemoryStateStore();
        FeedbackEntry[] votes =
        [
            new("user-a", "answer", "Hvem snakker med pressen?", "presse-kjoreregler", true, Day),
            new("user-b", "answer", "Hvem snakker med pressen?", "presse-kjoreregler", true, Day),
            new("user-a", "answer", "Kan jeg uttale meg om en personalsak?", "presse-kjoreregler", false, Day),
            new("user-c", "answer", "Hvor mange feriedager har jeg?", null, false, Day),
        ];
        foreach (var vote in votes)
        {
            await store.UpdateAsync(FeedbackLog.Key("ostre-toten"), log => (log ?? new FeedbackLog([])).With(vote), CancellationToken.None);
        }
        return store;
    }
}
