using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cards;

/// <summary>
/// Cards kept as reviewed JSON files in the source tree (<c>tests/StrategiBot.Tests/Cards/Golden</c>), read
/// and written there directly, never from the build output, so an update lands where git sees it. With
/// <c>UPDATE_GOLDEN=1</c> a missing or changed file is written instead of failing.
/// </summary>
internal static partial class GoldenFiles
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        // Norwegian letters and quotes stay readable in a diff.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Folder => Path.Combine(RepositoryContent.Root, "tests", "StrategiBot.Tests", "Cards", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathFor(string name) => Path.Combine(Folder, name + ".json");

    /// <summary>The card as its golden file holds it: pretty-printed, LF line ends, volatile values replaced.</summary>
    public static string Render(JsonNode card) =>
        JsonSerializer.Serialize(Stabilise(card.DeepClone()), Pretty).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>
    /// Compares the card with its golden file. Returns null when they agree (or the file was just written
    /// because <see cref="Updating"/>), otherwise what differs and how to accept the change.
    /// </summary>
    public static string? Compare(string name, JsonNode card)
    {
        var path = PathFor(name);
        var actual = Render(card);
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            return null;
        }
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return null;
        }
        var relative = Path.GetRelativePath(RepositoryContent.Root, path);
        var hint = $"Review the card, then accept it with: {UpdateVariable}=1 dotnet test tests/StrategiBot.Tests -c Release --filter \"FullyQualifiedName~Cards\"";
        return expected is null
            ? $"no golden file {relative}.\n  {hint}"
            : $"differs from {relative} at {FirstDifference(expected, actual)}\n  {hint}";
    }

    /// <summary>Golden files no card produced any more; removed when updating.</summary>
    public static IReadOnlyList<string> Orphans(IReadOnlySet<string> names)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var orphans = Directory.GetFiles(Folder, "*.json")
            .Where(f => !names.Contains(Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (Updating)
        {
            orphans.ForEach(File.Delete);
            return [];
        }
        return [.. orphans.Select(f => Path.GetRelativePath(RepositoryContent.Root, f))];
    }

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var g = i < got.Length ? got[i] : "(end of file)";
            if (w != g)
            {
                return $"line {i + 1}:\n  golden: {w.Trim()}\n  actual: {g.Trim()}";
            }
        }
        return "line endings";
    }

    /// <summary>Ids and times that change from run to run would make every comparison fail; they become placeholders.</summary>
    private static JsonNode Stabilise(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (Stable(obj[name]) is { } replaced)
                    {
                        obj[name] = replaced;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Stable(array[i]) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }
                break;
            default:
                break;
        }
        return node;
    }

    /// <summary>A replacement for a volatile string, or null after stabilising a container in place.</summary>
    private static JsonValue? Stable(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var stable = Timestamp().Replace(Guid().Replace(text, "<guid>"), "<timestamp>");
            return stable == text ? null : JsonValue.Create(stable);
        }
        if (node is not null)
        {
            Stabilise(node);
        }
        return null;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();
}
