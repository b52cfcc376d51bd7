using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategiBot.Cli;

/// <summary>A line of an evaluation file.</summary>
internal sealed record EvalCase(string? Id, string? Org, string? Question, IReadOnlyList<string>? Expect, bool? Answerable);

/// <summary>A line of <c>ask --jsonl</c> input.</summary>
internal sealed record AskRequest(string? Id, string? Question, string? Org);

/// <summary>A line of <c>ask --jsonl</c> output.</summary>
internal sealed record AskResponse(string? Id, bool Answered, IReadOnlyList<AskCitation> Citations);

internal sealed record AskCitation(string Org, string Section, string Text);

/// <summary>
/// The output of <c>feedback --json</c>: the votes since a day (all when null), and the newest of the
/// questions voted down (<see cref="NotHelpfulTotal"/> of them in all).
/// </summary>
internal sealed record FeedbackReport(string Org, DateOnly? Since, int Total, IReadOnlyList<FeedbackSectionCount> Sections, int NotHelpfulTotal, IReadOnlyList<FeedbackQuestion> NotHelpful);

/// <summary>Votes on one section; <see cref="Section"/> is null for answers where the strategy was silent.</summary>
internal sealed record FeedbackSectionCount(string? Section, string? Title, int Helpful, int NotHelpful);

internal sealed record FeedbackQuestion(DateTimeOffset At, string Source, string? Section, string Question);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EvalCase))]
[JsonSerializable(typeof(AskResponse))]
[JsonSerializable(typeof(FeedbackReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Output for people and scripts alike: Norwegian letters written as themselves, not as \u escapes.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
