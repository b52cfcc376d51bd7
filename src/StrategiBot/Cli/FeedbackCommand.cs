using System.Globalization;
using System.Text.Json;
using StrategiBot.Feedback;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Cli;

/// <summary>
/// <c>feedback [--org ID] [--json]</c>: the "Var dette nyttig?" votes for the communication department,
/// counted per section, and the questions that got a thumbs down (newest first). No user keys are printed.
/// </summary>
internal static class FeedbackCommand
{
    public static async Task<int> RunAsync(string[] args, KnowledgeBase knowledge, IStateStore store, string defaultOrganisation, TextWriter output, TextWriter error)
    {
        string? organisation = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--org" when i + 1 < args.Length:
                    organisation = args[++i];
                    break;
                // Not a configuration override like the other "--key=value" arguments: read as the option it looks like.
                case var option when option.StartsWith("--org=", StringComparison.Ordinal):
                    organisation = option["--org=".Length..];
                    break;
                case "--json":
                    json = true;
                    break;
                case var other when other.StartsWith("--", StringComparison.Ordinal) && other.Contains('=', StringComparison.Ordinal):
                    break;
                default:
                    await error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: feedback [--org ID] [--json]");
                    return 2;
            }
        }
        organisation ??= defaultOrganisation;
        if (knowledge.Pack(organisation) is not { } pack)
        {
            await error.WriteLineAsync($"Unknown organisation '{organisation}'.");
            return 2;
        }

        var entries = (await store.GetAsync(FeedbackLog.Key(organisation), CancellationToken.None))?.Entries ?? [];
        var report = new FeedbackReport(
            organisation,
            entries.Count,
            [.. entries
                .GroupBy(e => e.SectionId)
                .Select(g => new FeedbackSectionCount(g.Key, g.Key is null ? null : pack.Strategy.Find(g.Key)?.FullTitle, g.Count(e => e.Helpful), g.Count(e => !e.Helpful)))
                .OrderByDescending(c => c.NotHelpful).ThenByDescending(c => c.Helpful).ThenBy(c => c.Section, StringComparer.Ordinal)],
            [.. entries.Where(e => !e.Helpful).Reverse().Select(e => new FeedbackQuestion(e.At, e.Source, e.SectionId, e.Question))]);

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Readable.FeedbackReport));
            return 0;
        }
        await output.WriteLineAsync($"{report.Total} tilbakemeldinger for {pack.Organisation.Name}.");
        if (report.Total == 0)
        {
            return 0;
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("Per seksjon (nyttig / ikke nyttig):");
        foreach (var count in report.Sections)
        {
            await output.WriteLineAsync($"  {count.Helpful,4} / {count.NotHelpful,-4} {count.Title ?? count.Section ?? "(strategien dekket ikke spørsmålet)"}");
        }
        if (report.NotHelpful.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Spørsmål med tommel ned:");
            foreach (var question in report.NotHelpful)
            {
                await output.WriteLineAsync($"  {question.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  [{question.Section ?? "-"}]  {question.Question}");
            }
        }
        return 0;
    }
}
