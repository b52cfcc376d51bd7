using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace StrategiBot.Content;

/// <summary>
/// Strict readers over YAML nodes for the data files (dialogs, checklists): every failure is a
/// <see cref="ContentException"/> naming the file and the line of the offending node.
/// </summary>
internal static partial class YamlNodes
{
    public static YamlMappingNode ReadMapping(string path, string expected) =>
        YamlFile.ReadRoot(path) as YamlMappingNode
        ?? throw new ContentException(path, 1, expected);

    /// <summary>Unknown keys are errors, so a typo never passes silently.</summary>
    public static void CheckKeys(string path, YamlMappingNode node, params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value;
            if (!allowed.Contains(name))
            {
                throw new ContentException(path, Line(key), $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
    }

    public static string CheckId(string path, YamlNode key, string what)
    {
        var id = ScalarText(path, key);
        return IdPattern().IsMatch(id) ? id : throw new ContentException(path, Line(key), $"the {what} id '{id}' must be lowercase letters, digits and hyphens.");
    }

    /// <summary>
    /// The file's <c>id</c>, which must be a valid id and equal the file's name, so the file a user or a
    /// card refers to is always the file one finds on disk.
    /// </summary>
    public static string FileId(string path, YamlMappingNode root, string what)
    {
        var id = Scalar(path, root, "id");
        var expected = Path.GetFileNameWithoutExtension(path);
        if (id.Value != expected)
        {
            throw new ContentException(path, id.Line, $"id '{id.Value}' must equal the file name '{expected}'.");
        }
        return CheckId(path, id.Node, what);
    }

    /// <summary>The optional <c>triggers</c> list: phrases that open the item when a message contains them.</summary>
    public static List<string> Triggers(string path, YamlMappingNode root) =>
        [.. OptionalSequence(path, root, "triggers").Select(n => ScalarText(path, n))];

    public static (string Value, int Line, YamlNode Node) Scalar(string path, YamlMappingNode node, string key)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            throw new ContentException(path, Line(node), $"'{key}' is required.");
        }
        var text = ScalarText(path, value);
        return string.IsNullOrWhiteSpace(text) ? throw new ContentException(path, Line(value), $"'{key}' is empty.") : (text, Line(value), value);
    }

    /// <summary>An optional text; a list or mapping where text belongs is an error, so a slip of indentation never passes silently.</summary>
    public static string? OptionalText(string path, YamlMappingNode node, string key) =>
        OptionalNode(node, key) is { } value ? ScalarText(path, value) : null;

    public static YamlNode? OptionalNode(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string ScalarText(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } text } ? text : throw new ContentException(path, Line(node), "expected text here.");

    public static YamlMappingNode Mapping(string path, YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? AsMapping(path, value)
            : throw new ContentException(path, Line(node), $"'{key}' is required.");

    public static YamlSequenceNode Sequence(string path, YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value as YamlSequenceNode ?? throw new ContentException(path, Line(value), $"'{key}' must be a list.")
            : throw new ContentException(path, Line(node), $"'{key}' is required.");

    public static IEnumerable<YamlNode> OptionalSequence(string path, YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value as YamlSequenceNode ?? throw new ContentException(path, Line(value), $"'{key}' must be a list.")
            : [];

    public static YamlMappingNode AsMapping(string path, YamlNode node) =>
        node as YamlMappingNode ?? throw new ContentException(path, Line(node), "expected keys and values here.");

    public static int Line(YamlNode node) => (int)node.Start.Line;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}

/// <summary>A quotation of the strategy, resolved when a data file is loaded so it is always verbatim.</summary>
internal sealed record StrategyCitation(string SectionId, string SectionTitle, string Text, int? RuleNumber);

/// <summary>Reads <c>{section, item | quote}</c> citations against an organisation's strategy.</summary>
internal static class StrategyCitations
{
    /// <summary>
    /// The cited paragraph or list item, whole: a numbered <c>item</c> of the section, or the block holding
    /// the <c>quote</c> verbatim (whitespace aside), so a rule is never cut mid-thought.
    /// </summary>
    public static StrategyCitation Resolve(string path, YamlMappingNode map, ContentPack pack)
    {
        YamlNodes.CheckKeys(path, map, "section", "item", "quote");
        var sectionId = YamlNodes.Scalar(path, map, "section").Value;
        var section = pack.Strategy.Find(sectionId)
            ?? throw new ContentException(path, YamlNodes.Line(map), $"'{sectionId}' is not a section of {pack.Organisation.Id}'s strategy.");
        var itemText = YamlNodes.OptionalText(path, map, "item");
        var quote = YamlNodes.OptionalText(path, map, "quote");
        if ((itemText is null) == (quote is null))
        {
            throw new ContentException(path, YamlNodes.Line(map), "a citation needs exactly one of 'item' (a numbered item) or 'quote' (exact text).");
        }
        if (itemText is not null)
        {
            var block = int.TryParse(itemText, out var number) ? section.Item(number) : null;
            return block is null
                ? throw new ContentException(path, YamlNodes.Line(map), $"section '{sectionId}' has no numbered item '{itemText}'.")
                : new StrategyCitation(sectionId, section.FullTitle, block.Display, block.Number);
        }
        var wanted = ContentPackLoader.Normalise(quote!);
        var index = section.Blocks.ToList().FindIndex(b => ContentPackLoader.Normalise(b.Text).Contains(wanted, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ContentException(path, YamlNodes.Line(map), $"the quote is not in section '{sectionId}': \"{quote}\".");
        }
        var quoted = section.Blocks[index];
        return new StrategyCitation(sectionId, section.FullTitle, WithIntroducedList(section, index), quoted.Kind == BlockKind.NumberedItem ? quoted.Number : null);
    }

    /// <summary>
    /// A paragraph ending in ":" introduces the list after it ("... skal orienteres når:"), and means nothing
    /// without it, so the list comes along with the quoted paragraph.
    /// </summary>
    private static string WithIntroducedList(Section section, int index)
    {
        var block = section.Blocks[index];
        if (block.Kind != BlockKind.Paragraph || !block.Text.TrimEnd().EndsWith(':'))
        {
            return block.Display;
        }
        var list = section.Blocks.Skip(index + 1).TakeWhile(b => b.Kind != BlockKind.Paragraph).Select(b => b.Display);
        // Line breaks as in AdaptiveCards.Bullets, which Teams renders as a list.
        return string.Join("\r", [block.Display, .. list]);
    }
}
