using System.Globalization;
using System.Text.Json;
using StrategiBot.Conversation;
using StrategiBot.Feedback;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Cli;

/// <summary>
/// <c>feedback [--org ID] [--json] [--since YYYY-MM-DD] [--limit N]</c>: the "Var dette nyttig?" votes for the
/// communication department, counted per section, and the questions that got a thumbs down (newest first).
/// No user keys are printed.
/// </summary>
internal static class FeedbackCommand
{
    public const string Usage = "feedback [--org ID] [--json] [--since YYYY-MM-DD] [--limit N]";

    /// <summary>How many questions voted down the text report lists unless told otherwise: a screenful.</summary>
    public const int DefaultTextLimit = 20;

    public static async Task<int> RunAsync(string[] args, KnowledgeBase knowledge, IStateStore store, string defaultOrganisation, TextWriter output, TextWriter error)
    {
        string? organisation = null;
        var json = false;
        DateOnly? since = null;
        int? limit = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = CommandLine.SplitOption(args[i]);
            // An option's value: written into it ("--since=2026-11-01") or the next argument.
            string? Value() => inline ?? (i + 1 < args.Length ? args[++i] : null);
            // Not a configuration override like the other "--key=value" arguments: "--org=ID" is read as the option it looks like.
            if (name == "--org" && Value() is { } named)
            {
                organisation = named;
                continue;
            }
            if (name == "--since")
            {
                var value = Value();
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    await error.WriteLineAsync($"--since needs a date like 2026-11-01, not '{value}'. Usage: {Usage}");
                    return 2;
                }
                since = date;
                continue;
            }
            if (name == "--limit")
            {
                var value = Value();
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    await error.WriteLineAsync($"--limit needs a whole number of 1 or more, not '{value}'. Usage: {Usage}");
                    return 2;
                }
                limit = count;
                continue;
            }
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case var other when other.StartsWith("--", StringComparison.Ordinal) && other.Contains('=', StringComparison.Ordinal):
                    break;
                default:
                    await error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: {Usage}");
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
        if (since is { } from)
        {
            // A day of votes as the department's calendar has it, in Norway.
            entries = [.. entries.Where(e => NorwegianTime.Day(e.At) >= from)];
        }
        var votedDown = entries.Where(e => !e.Helpful).Reverse().ToList();
        var shown = limit ?? (json ? votedDown.Count : DefaultTextLimit);
        var report = new FeedbackReport(
            organisation,
            since,
            entries.Count,
            [.. entries
                .GroupBy(e => e.SectionId)
                .Select(g => new FeedbackSectionCount(g.Key, g.Key is null ? null : pack.Strategy.Find(g.Key)?.FullTitle, g.Count(e => e.Helpful), g.Count(e => !e.Helpful)))
                .OrderByDescending(c => c.NotHelpful).ThenByDescending(c => c.Helpful).ThenBy(c => c.Section, StringComparer.Ordinal)],
            votedDown.Count,
            [.. votedDown.Take(shown).Select(e => new FeedbackQuestion(e.At, e.Source, e.SectionId, e.Question))]);

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Readable.FeedbackReport));
            return 0;
        }
        await output.WriteLineAsync(since is { } day
            ? $"{report.Total} tilbakemeldinger for {pack.Organisation.Name} fra og med {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."
            : $"{report.Total} tilbakemeldinger for {pack.Organisation.Name}.");
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
                await output.WriteLineAsync($"  {NorwegianTime.Day(question.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  [{question.Section ?? "-"}]  {question.Question}");
            }
            if (report.NotHelpfulTotal > report.NotHelpful.Count)
            {
                await output.WriteLineAsync($"  … og {report.NotHelpfulTotal - report.NotHelpful.Count} eldre (--limit {report.NotHelpfulTotal} viser alle, --since YYYY-MM-DD de nyeste).");
            }
        }
        return 0;
    }
}
