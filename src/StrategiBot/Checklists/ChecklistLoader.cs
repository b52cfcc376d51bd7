using StrategiBot.Content;
using static StrategiBot.Content.YamlNodes;

namespace StrategiBot.Checklists;

/// <summary>
/// Reads and checks every organisation's checklists from <c>dialogs/&lt;org&gt;/sjekklister/</c>. A rule that is
/// not in the strategy (an unknown section, item or quote), a duplicate id or an unknown key stops the start
/// with the file and line.
/// </summary>
internal static class ChecklistLoader
{
    public const string FolderName = "sjekklister";
    public const int MaxItems = 20;

    /// <summary>Said when every item is ticked, unless the file says something of its own.</summary>
    public const string DefaultDone = "Alt på listen er sjekket. Godt jobbet!";

    public static IReadOnlyList<ChecklistDefinition> LoadAll(string dialogsRoot, IReadOnlyCollection<ContentPack> packs) =>
        [.. OrganisationFolders.YamlFiles(dialogsRoot, FolderName, packs).Select(f => Load(f.File, f.Pack))];

    public static ChecklistDefinition Load(string path, ContentPack pack)
    {
        var root = ReadMapping(path, "a checklist file must be a mapping with id, title and items.");
        CheckKeys(path, root, "id", "title", "description", "triggers", "done", "items");
        var id = FileId(path, root, "checklist");
        var title = Scalar(path, root, "title").Value;
        var description = OptionalText(path, root, "description")?.Trim() ?? string.Empty;
        var triggers = Triggers(path, root);
        var done = OptionalText(path, root, "done")?.Trim() is { Length: > 0 } text ? text : DefaultDone;

        var list = Sequence(path, root, "items");
        if (list.Children.Count is 0 or > MaxItems)
        {
            throw new ContentException(path, Line(list), $"a checklist needs 1 to {MaxItems} items, not {list.Children.Count}.");
        }
        var items = new List<ChecklistItem>();
        foreach (var node in list)
        {
            var map = AsMapping(path, node);
            CheckKeys(path, map, "id", "heading", "text", "source");
            var itemId = CheckId(path, Scalar(path, map, "id").Node, "item");
            if (items.Any(i => i.Id == itemId))
            {
                throw new ContentException(path, Line(map), $"the item id '{itemId}' is used twice.");
            }
            var source = StrategyCitations.Resolve(path, Mapping(path, map, "source"), pack);
            items.Add(new ChecklistItem(itemId, Scalar(path, map, "text").Value.Trim(), OptionalText(path, map, "heading"), source));
        }
        return new ChecklistDefinition(pack.Organisation.Id, id, title, description, triggers, done, items);
    }
}
