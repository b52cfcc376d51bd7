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

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EvalCase))]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(AskResponse))]
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
