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

    /// <summary>The department reads what came in lately: --since counts the votes from a day on, as that day is in Norway.</summary>
    [Theory]
    [InlineData("--since", "2026-11-21")]
    [InlineData("--since=2026-11-21")]
    public async Task Since_counts_only_the_votes_from_that_day_on(params string[] args)
    {
        var store = await StoreWithVotesAsync();
        // 23:30 UTC on 20 November is already the 21st in Norway; 22:30 is not.
        await VoteAsync(store, new("user-d", "answer", "Hvem svarer på Facebook?", "sosiale-medier-offisielle-kontoer", false, Day.AddHours(-10).AddMinutes(-30)));
        await VoteAsync(store, new("user-e", "answer", "Gammelt spørsmål?", null, false, Day.AddHours(-11).AddMinutes(-30)));
        var output = new StringWriter();

        var exit = await FeedbackCommand.RunAsync([.. args, "--json"], fixture.Knowledge, store, "ostre-toten", output, new StringWriter());

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("2026-11-21", json.RootElement.GetProperty("since").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Gammelt spørsmål?", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Hvem svarer på Facebook?", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_report_lists_a_screenful_of_questions_voted_down_and_says_how_many_more()
    {
        var store = new MemoryStateStore();
        for (var i = 0; i < 25; i++)
        {
            await VoteAsync(store, new($"user-{i}", "answer", $"Spørsmål {i}?", null, false, Day.AddMinutes(i)));
        }

        var (_, text) = await RunAsync(store, []);
        var (_, limited) = await RunAsync(store, ["--limit", "3"]);
        var (_, json) = await RunAsync(store, ["--json"]);

        Assert.Contains("Spørsmål 24?", text, StringComparison.Ordinal);
        Assert.Contains("Spørsmål 5?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Spørsmål 4?", text, StringComparison.Ordinal);
        Assert.Contains("… og 5 eldre (--limit 25 viser alle, --since YYYY-MM-DD de nyeste).", text, StringComparison.Ordinal);
        Assert.Equal(["Spørsmål 24?", "Spørsmål 23?", "Spørsmål 22?"], limited.Split('\n').Where(l => l.Contains("[-]", StringComparison.Ordinal)).Select(l => l.Split("[-]  ")[1].Trim()));
        Assert.Contains("… og 22 eldre", limited, StringComparison.Ordinal);
        // A program reading the JSON gets every question unless it asks for fewer, and the total either way.
        using var report = JsonDocument.Parse(json);
        Assert.Equal(25, report.RootElement.GetProperty("notHelpful").GetArrayLength());
        Assert.Equal(25, report.RootElement.GetProperty("notHelpfulTotal").GetInt32());
    }

    [Theory]
    [InlineData("--since", "21.11.2026", "--since needs a date like 2026-11-01, not '21.11.2026'.")]
    [InlineData("--since", null, "--since needs a date like 2026-11-01, not ''.")]
    [InlineData("--limit", "0", "--limit needs a whole number of 1 or more, not '0'.")]
    [InlineData("--limit", "ti", "--limit needs a whole number of 1 or more, not 'ti'.")]
    public async Task A_bad_since_or_limit_is_an_error_that_says_what_is_wanted(string option, string? value, string message)
    {
        var error = new StringWriter();

        var exit = await FeedbackCommand.RunAsync(value is null ? [option] : [option, value], fixture.Knowledge, new MemoryStateStore(), "ostre-toten", new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, error.ToString(), StringComparison.Ordinal);
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

    private async Task<(int Exit, string Output)> RunAsync(IStateStore store, string[] args)
    {
        var output = new StringWriter();
        var exit = await FeedbackCommand.RunAsync(args, fixture.Knowledge, store, "ostre-toten", output, new StringWriter());
        return (exit, output.ToString());
    }

    private static Task<FeedbackLog> VoteAsync(IStateStore store, FeedbackEntry vote) =>
        store.UpdateAsync(FeedbackLog.Key("ostre-toten"), log => (log ?? new FeedbackLog([])).With(vote), CancellationToken.None);

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
            await VoteAsync(store, vote);
        }
        return store;
    }
}
