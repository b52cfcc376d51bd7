using StrategiBot.Content;
using StrategiBot.Conversation;
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

    public const string DefaultDoneEnglish = "Everything on the list is checked. Well done!";

    public static IReadOnlyList<ChecklistDefinition> LoadAll(string dialogsRoot, IReadOnlyCollection<ContentPack> packs) =>
        [.. OrganisationFolders.YamlFiles(dialogsRoot, FolderName, packs).Select(f => Load(f.File, f.Pack))];

    public static ChecklistDefinition Load(string path, ContentPack pack)
    {
        var root = ReadMapping(path, "a checklist file must be a mapping with id, title and items.");
        CheckKeys(path, root, "id", "title", "title-en", "description", "description-en", "triggers", "done", "done-en", "items");
        var id = FileId(path, root, "checklist");
        var texts = new BilingualTexts(path, "checklist", "every title, description, heading, item text and closing line");
        var title = texts.Required(root, "title");
        var description = texts.Optional(root, "description");
        var triggers = Triggers(path, root);
        var done = texts.Optional(root, "done");

        var list = Sequence(path, root, "items");
        if (list.Children.Count is 0 or > MaxItems)
        {
            throw new ContentException(path, Line(list), $"a checklist needs 1 to {MaxItems} items, not {list.Children.Count}.");
        }
        var items = new List<ChecklistItem>();
        var englishItems = new List<ChecklistItem>();
        foreach (var node in list)
        {
            var map = AsMapping(path, node);
            CheckKeys(path, map, "id", "heading", "heading-en", "text", "text-en", "source");
            var itemId = CheckId(path, Scalar(path, map, "id").Node, "item");
            if (items.Any(i => i.Id == itemId))
            {
                throw new ContentException(path, Line(map), $"the item id '{itemId}' is used twice.");
            }
            var source = StrategyCitations.Resolve(path, Mapping(path, map, "source"), pack);
            var text = texts.Required(map, "text");
            var heading = texts.Optional(map, "heading");
            items.Add(new ChecklistItem(itemId, text.Norwegian.Trim(), heading.Norwegian, source));
            englishItems.Add(new ChecklistItem(itemId, text.English?.Trim() ?? string.Empty, heading.English, source));
        }
        texts.CheckComplete();
        var checklist = new ChecklistDefinition(pack.Organisation.Id, id, title.Norwegian, description.Norwegian?.Trim() ?? string.Empty, triggers,
            done.Norwegian?.Trim() is { Length: > 0 } closing ? closing : DefaultDone, items);
        return !texts.HasEnglish ? checklist : checklist with
        {
            English = checklist with
            {
                Title = title.English!,
                Description = description.English?.Trim() ?? string.Empty,
                Done = done.English?.Trim() is { Length: > 0 } englishClosing ? englishClosing : DefaultDoneEnglish,
                Items = englishItems,
                Language = Language.English,
            },
        };
    }
}
