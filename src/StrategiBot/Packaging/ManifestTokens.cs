using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StrategiBot.Packaging;

/// <summary>
/// A value that differs per deployment, written <c>{{NAME}}</c> in the files under <c>manifest/</c> and filled
/// in by <c>package</c> from its option, or from a default computed from the tokens before it.
/// </summary>
internal sealed record ManifestToken(string Name, string Option, string Meaning, Func<IReadOnlyDictionary<string, string>, string?> Default);

/// <summary>The tokens the manifest sources may use, in the order their defaults are computed.</summary>
internal static partial class ManifestTokens
{
    public static IReadOnlyList<ManifestToken> All { get; } =
    [
        new("APP_ID", "--app-id", "the Teams app's id, a GUID (required)", _ => null),
        new("BOT_ID", "--bot-id", "the bot's Microsoft App ID (MicrosoftAppId; for a managed identity its client id)", v => v["APP_ID"]),
        new("APP_VERSION", "--version", "the package version, x.y.z; raise it for every upload", _ => "1.0.0"),
        new("SHORT_NAME", "--name", "the app's name in Teams (at most 30 characters)", _ => "StrategiBot"),
        new("DEVELOPER_NAME", "--developer", "who publishes the app, e.g. the municipality (at most 32 characters)", v => v["SHORT_NAME"]),
        new("HOST_NAME", "--host", "the host the bot runs on, listed as a valid domain", _ => "localhost"),
        new("WEBSITE_URL", "--website-url", "the developer's web page", v => $"https://{v["HOST_NAME"]}/"),
        new("PRIVACY_URL", "--privacy-url", "the privacy statement", v => v["WEBSITE_URL"]),
        new("TERMS_URL", "--terms-url", "the terms of use", v => v["WEBSITE_URL"]),
    ];

    /// <summary>Every token's value: given ones as they are, the rest from their defaults, in order.</summary>
    public static IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in All)
        {
            var value = given.TryGetValue(token.Name, out var set) ? set : token.Default(values);
            if (value is not null)
            {
                values[token.Name] = value;
            }
        }
        return values;
    }

    /// <summary>
    /// Replaces tokens inside every string of a JSON document (so values are escaped as JSON needs) and lists
    /// the tokens that had no value, each with the JSON path where it stands.
    /// </summary>
    public static IReadOnlyList<string> Fill(JsonNode? node, IReadOnlyDictionary<string, string> values, string path = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        var unfilled = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        obj[name] = Replace(text, values, $"{path}/{name}", unfilled);
                    }
                    else
                    {
                        unfilled.AddRange(Fill(child, values, $"{path}/{name}"));
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, values, $"{path}/{i}", unfilled);
                    }
                    else
                    {
                        unfilled.AddRange(Fill(array[i], values, $"{path}/{i}"));
                    }
                }
                break;
        }
        return unfilled;
    }

    private static string Replace(string text, IReadOnlyDictionary<string, string> values, string path, List<string> unfilled) =>
        TokenPattern().Replace(text, match =>
        {
            if (values.TryGetValue(match.Groups[1].Value, out var value))
            {
                return value;
            }
            unfilled.Add($"{path}: {match.Value}");
            return match.Value;
        });

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex TokenPattern();
}
