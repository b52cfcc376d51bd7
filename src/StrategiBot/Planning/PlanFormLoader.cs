using System.Text.RegularExpressions;
using StrategiBot.Content;
using YamlDotNet.RepresentationModel;

namespace StrategiBot.Planning;

/// <summary>
/// Reads and checks the plan forms in <c>dialogs/&lt;org&gt;/forms/</c>. A typo (an unknown key, a field
/// kind that does not exist, a source section the strategy lacks) stops the start with file and line.
/// </summary>
internal static partial class PlanFormLoader
{
    public const string FormsFolder = "forms";

    /// <summary>The longest text a field may accept; the bot declines longer messages too.</summary>
    public const int MaxFieldLength = 4000;

    private const int DefaultTextLength = 200;
    private const int DefaultMultilineLength = 2000;
    private const int MaxChoices = 20;

    public static IReadOnlyList<PlanForm> LoadAll(string dialogsRoot, IReadOnlyCollection<ContentPack> packs)
    {
        var forms = new List<PlanForm>();
        if (!Directory.Exists(dialogsRoot))
        {
            return forms;
        }
        foreach (var folder in Directory.GetDirectories(dialogsRoot).Order(StringComparer.Ordinal))
        {
            var formsFolder = Path.Combine(folder, FormsFolder);
            if (!Directory.Exists(formsFolder))
            {
                continue;
            }
            var files = Directory.GetFiles(formsFolder, "*.yaml").Order(StringComparer.Ordinal).ToList();
            var organisationId = Path.GetFileName(folder);
            foreach (var file in files.Where(f => !Path.GetFileName(f).StartsWith('_')))
            {
                var pack = packs.FirstOrDefault(p => p.Organisation.Id == organisationId)
                    ?? throw new ContentException(file, 1, $"'{organisationId}' is not an organisation in content/; dialog folders are named after one.");
                forms.Add(Load(file, pack));
            }
        }
        return forms;
    }

    public static PlanForm Load(string path, ContentPack pack)
    {
        var reader = new Reader(path);
        var root = reader.Root();
        reader.Keys(root, "id", "title", "intro", "sources", "triggers", "groups");
        var (id, idLine) = reader.Required(root, "id");
        var expected = Path.GetFileNameWithoutExtension(path);
        if (id != expected)
        {
            throw new ContentException(path, idLine, $"id '{id}' must equal the file name '{expected}'.");
        }

        var sources = new List<PlanSource>();
        foreach (var node in reader.List(root, "sources", required: true))
        {
            var sectionId = reader.Text(node);
            var section = pack.Strategy.Find(sectionId)
                ?? throw new ContentException(path, Reader.Line(node), $"'{sectionId}' is not a section of {pack.Organisation.Id}'s strategy.");
            sources.Add(new PlanSource(section.Id, section.Title));
        }

        var groups = new List<PlanGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in reader.List(root, "groups", required: true))
        {
            var map = reader.Map(node);
            reader.Keys(map, "heading", "help", "fields");
            var fields = reader.List(map, "fields", required: true).Select(f => Field(reader, f, ids)).ToList();
            groups.Add(new PlanGroup(reader.Required(map, "heading").Value, reader.Optional(map, "help"), fields));
        }
        if (!groups.SelectMany(g => g.Fields).Any(f => f.Kind == PlanFieldKind.Text))
        {
            throw new ContentException(path, Reader.Line(root), "a form needs at least one one-line text field (kind: text); the first one names the plan.");
        }

        return new PlanForm(
            pack.Organisation.Id,
            id,
            reader.Required(root, "title").Value,
            reader.Optional(root, "intro")?.Trim() ?? string.Empty,
            sources,
            [.. reader.List(root, "triggers", required: false).Select(reader.Text)],
            groups,
            path);
    }

    private static PlanField Field(Reader reader, YamlNode node, HashSet<string> ids)
    {
        var map = reader.Map(node);
        reader.Keys(map, "id", "label", "help", "kind", "required", "maxLength", "choices");
        var (id, line) = reader.Required(map, "id");
        if (!IdPattern().IsMatch(id))
        {
            throw new ContentException(reader.Path, line, $"the field id '{id}' must be lowercase letters, digits and hyphens.");
        }
        if (!ids.Add(id))
        {
            throw new ContentException(reader.Path, line, $"the field id '{id}' is used twice.");
        }
        var kindText = reader.Optional(map, "kind") ?? "text";
        if (!Enum.TryParse<PlanFieldKind>(kindText, ignoreCase: true, out var kind) || !kindText.All(char.IsLower))
        {
            throw new ContentException(reader.Path, line, $"field '{id}': unknown kind '{kindText}'; expected text, multiline, choice or choices.");
        }
        var required = reader.Optional(map, "required") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ContentException(reader.Path, line, $"field '{id}': required must be true or false, not '{other}'."),
        };
        var isChoice = kind is PlanFieldKind.Choice or PlanFieldKind.Choices;
        var choices = new List<PlanChoice>();
        foreach (var item in reader.List(map, "choices", required: isChoice))
        {
            if (!isChoice)
            {
                throw new ContentException(reader.Path, Reader.Line(item), $"field '{id}' is {kindText}; only choice fields have choices.");
            }
            var choice = reader.Map(item);
            reader.Keys(choice, "id", "title");
            var (choiceId, choiceLine) = reader.Required(choice, "id");
            if (!IdPattern().IsMatch(choiceId) || choices.Any(c => c.Id == choiceId))
            {
                throw new ContentException(reader.Path, choiceLine, $"field '{id}': the choice id '{choiceId}' must be unique lowercase letters, digits and hyphens.");
            }
            choices.Add(new PlanChoice(choiceId, reader.Required(choice, "title").Value));
        }
        if (isChoice && choices.Count is < 2 or > MaxChoices)
        {
            throw new ContentException(reader.Path, line, $"field '{id}' needs 2 to {MaxChoices} choices, not {choices.Count}.");
        }
        int maxLength;
        if (reader.Optional(map, "maxLength") is { } lengthText)
        {
            if (isChoice || !int.TryParse(lengthText, out maxLength) || maxLength is < 1 or > MaxFieldLength)
            {
                throw new ContentException(reader.Path, line, $"field '{id}': maxLength must be a number from 1 to {MaxFieldLength}, and only text fields have one.");
            }
        }
        else
        {
            maxLength = kind == PlanFieldKind.Text ? DefaultTextLength : DefaultMultilineLength;
        }
        return new PlanField(id, reader.Required(map, "label").Value, reader.Optional(map, "help")?.Trim(), kind, required, maxLength, choices);
    }

    /// <summary>The YAML reading every check needs, with the file's path for the error.</summary>
    private sealed class Reader(string path)
    {
        public string Path { get; } = path;

        public YamlMappingNode Root() =>
            YamlFile.ReadRoot(Path) as YamlMappingNode
            ?? throw new ContentException(Path, 1, "a form file must be a mapping with id, title, sources and groups.");

        public void Keys(YamlMappingNode node, params string[] allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = Text(key);
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw new ContentException(Path, Line(key), $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}.");
                }
            }
        }

        public (string Value, int Line) Required(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                throw new ContentException(Path, Line(node), $"'{key}' is required.");
            }
            var text = Text(value);
            return string.IsNullOrWhiteSpace(text) ? throw new ContentException(Path, Line(value), $"'{key}' is empty.") : (text.Trim(), Line(value));
        }

        public string? Optional(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Text(value) : null;

        public IEnumerable<YamlNode> List(YamlMappingNode node, string key, bool required)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return required ? throw new ContentException(Path, Line(node), $"'{key}' is required.") : [];
            }
            var list = value as YamlSequenceNode ?? throw new ContentException(Path, Line(value), $"'{key}' must be a list.");
            return required && list.Children.Count == 0 ? throw new ContentException(Path, Line(value), $"'{key}' is empty.") : list.Children;
        }

        public YamlMappingNode Map(YamlNode node) =>
            node as YamlMappingNode ?? throw new ContentException(Path, Line(node), "expected keys and values here.");

        public string Text(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } ? text : throw new ContentException(Path, Line(node), "expected text here.");

        public static int Line(YamlNode node) => (int)node.Start.Line;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
