using StrategiBot.Content;
using YamlDotNet.RepresentationModel;
using static StrategiBot.Content.YamlNodes;

namespace StrategiBot.Planning;

/// <summary>
/// Reads and checks the plan forms in <c>dialogs/&lt;org&gt;/forms/</c>. A typo (an unknown key, a field
/// kind that does not exist, a source section the strategy lacks) stops the start with file and line.
/// </summary>
internal static class PlanFormLoader
{
    public const string FormsFolder = "forms";

    /// <summary>The longest text a field may accept; the bot declines longer messages too.</summary>
    public const int MaxFieldLength = 4000;

    private const int DefaultTextLength = 200;
    private const int DefaultMultilineLength = 2000;
    private const int MaxChoices = 20;

    public static IReadOnlyList<PlanForm> LoadAll(string dialogsRoot, IReadOnlyCollection<ContentPack> packs) =>
        [.. OrganisationFolders.YamlFiles(dialogsRoot, FormsFolder, packs).Select(f => Load(f.File, f.Pack))];

    public static PlanForm Load(string path, ContentPack pack)
    {
        var root = ReadMapping(path, "a form file must be a mapping with id, title, sources and groups.");
        CheckKeys(path, root, "id", "title", "intro", "intro-en", "sources", "triggers", "groups");
        var id = FileId(path, root, "form");

        var sources = new List<PlanSource>();
        foreach (var node in NonEmpty(path, root, "sources"))
        {
            var sectionId = ScalarText(path, node);
            var section = pack.Strategy.Find(sectionId)
                ?? throw new ContentException(path, Line(node), $"'{sectionId}' is not a section of {pack.Organisation.Id}'s strategy.");
            sources.Add(new PlanSource(section.Id, section.Title));
        }

        var groups = new List<PlanGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in NonEmpty(path, root, "groups"))
        {
            var map = AsMapping(path, node);
            CheckKeys(path, map, "heading", "help", "fields");
            var fields = NonEmpty(path, map, "fields").Select(f => Field(path, f, ids)).ToList();
            groups.Add(new PlanGroup(Scalar(path, map, "heading").Value.Trim(), OptionalText(path, map, "help"), fields));
        }
        if (!groups.SelectMany(g => g.Fields).Any(f => f.Kind == PlanFieldKind.Text))
        {
            throw new ContentException(path, Line(root), "a form needs at least one one-line text field (kind: text); the first one names the plan.");
        }

        return new PlanForm(
            pack.Organisation.Id,
            id,
            Scalar(path, root, "title").Value.Trim(),
            OptionalText(path, root, "intro")?.Trim() ?? string.Empty,
            OptionalText(path, root, "intro-en")?.Trim(),
            sources,
            Triggers(path, root),
            groups);
    }

    private static PlanField Field(string path, YamlNode node, HashSet<string> ids)
    {
        var map = AsMapping(path, node);
        CheckKeys(path, map, "id", "label", "help", "kind", "required", "maxLength", "choices");
        var idNode = Scalar(path, map, "id");
        var id = CheckId(path, idNode.Node, "field");
        var line = idNode.Line;
        if (!ids.Add(id))
        {
            throw new ContentException(path, line, $"the field id '{id}' is used twice.");
        }
        var kindText = OptionalText(path, map, "kind") ?? "text";
        if (!Enum.TryParse<PlanFieldKind>(kindText, ignoreCase: true, out var kind) || !kindText.All(char.IsLower))
        {
            throw new ContentException(path, line, $"field '{id}': unknown kind '{kindText}'; expected text, multiline, choice or choices.");
        }
        var required = OptionalText(path, map, "required") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ContentException(path, line, $"field '{id}': required must be true or false, not '{other}'."),
        };
        var isChoice = kind is PlanFieldKind.Choice or PlanFieldKind.Choices;
        var choices = new List<PlanChoice>();
        foreach (var item in isChoice ? NonEmpty(path, map, "choices") : OptionalSequence(path, map, "choices"))
        {
            if (!isChoice)
            {
                throw new ContentException(path, Line(item), $"field '{id}' is {kindText}; only choice fields have choices.");
            }
            var choice = AsMapping(path, item);
            CheckKeys(path, choice, "id", "title");
            var choiceNode = Scalar(path, choice, "id");
            var choiceId = CheckId(path, choiceNode.Node, "choice");
            if (choices.Any(c => c.Id == choiceId))
            {
                throw new ContentException(path, choiceNode.Line, $"field '{id}': the choice id '{choiceId}' is used twice.");
            }
            choices.Add(new PlanChoice(choiceId, Scalar(path, choice, "title").Value.Trim()));
        }
        if (isChoice && choices.Count is < 2 or > MaxChoices)
        {
            throw new ContentException(path, line, $"field '{id}' needs 2 to {MaxChoices} choices, not {choices.Count}.");
        }
        int maxLength;
        if (OptionalText(path, map, "maxLength") is { } lengthText)
        {
            if (isChoice || !int.TryParse(lengthText, out maxLength) || maxLength is < 1 or > MaxFieldLength)
            {
                throw new ContentException(path, line, $"field '{id}': maxLength must be a number from 1 to {MaxFieldLength}, and only text fields have one.");
            }
        }
        else
        {
            maxLength = kind == PlanFieldKind.Text ? DefaultTextLength : DefaultMultilineLength;
        }
        return new PlanField(id, Scalar(path, map, "label").Value.Trim(), OptionalText(path, map, "help")?.Trim(), kind, required, maxLength, choices);
    }

    /// <summary>A list that must be there and hold at least one entry.</summary>
    private static IEnumerable<YamlNode> NonEmpty(string path, YamlMappingNode node, string key)
    {
        var list = Sequence(path, node, key);
        return list.Children.Count == 0 ? throw new ContentException(path, Line(list), $"'{key}' is empty.") : list.Children;
    }
}
