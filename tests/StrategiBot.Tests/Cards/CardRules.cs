using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategiBot.Tests.Cards;

/// <summary>
/// Our own rules for a card in Teams, on top of what the reference library accepts: the schema version
/// Teams renders, the size it accepts, elements it supports, and what stays readable on a phone.
/// <see cref="Check"/> returns one line per broken rule, naming where in the card it is.
/// </summary>
internal static class CardRules
{
    /// <summary>Teams renders bot cards up to schema 1.5; a higher version shows an error instead.</summary>
    public const string MaxVersion = "1.5";

    /// <summary>Teams refuses a card above about 40 KB; we stay strictly under 40,000 bytes of UTF-8 JSON.</summary>
    public const int MaxBytes = 40_000;

    /// <summary>A TextBlock this long reads as a paragraph, which needs the chat's full width on desktop.</summary>
    public const int LongTextLength = 200;

    /// <summary>Columns beyond this do not fit a phone's width.</summary>
    public const int MaxColumns = 3;

    /// <summary>
    /// Element types of schema 1.5 that Teams renders for bot messages. Media is left out: Teams plays only
    /// OneDrive, SharePoint and a few video sites, and a card must not depend on that.
    /// </summary>
    public static readonly IReadOnlySet<string> Elements = new HashSet<string>(StringComparer.Ordinal)
    {
        "TextBlock", "RichTextBlock", "TextRun", "Image", "ImageSet", "Container", "ColumnSet", "Column",
        "FactSet", "ActionSet", "Table", "TableRow", "TableCell",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    };

    /// <summary>Actions Teams supports; Action.Http is Outlook's only.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    };

    /// <summary>Colours that carry a meaning (error, success, caution) a colour-blind reader cannot see.</summary>
    private static readonly HashSet<string> MeaningColours = new(StringComparer.OrdinalIgnoreCase) { "attention", "good", "warning" };

    /// <summary>Elements that are wide by nature: side-by-side content or a form.</summary>
    private static readonly string[] WideTypes = ["FactSet", "ColumnSet", "Table", "ImageSet"];

    public static IReadOnlyList<string> Check(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();

        if (Str(card, "type") != "AdaptiveCard")
        {
            problems.Add("(root): type must be \"AdaptiveCard\"");
        }
        CheckVersion(card, "(root)", required: true, problems);

        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (bytes >= MaxBytes)
        {
            problems.Add($"(root): {bytes} bytes, over the {MaxBytes}-byte limit for a card in Teams");
        }

        var nodes = Walk(card, "(root)").ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, path, role) in nodes)
        {
            CheckNode(node, path, role, ids, problems);
        }

        if (NeedsFullWidth(nodes) is { } reason && Str(card["msteams"], "width") != "Full")
        {
            problems.Add($"(root): {reason}, so the card needs \"msteams\": {{\"width\": \"Full\"}}");
        }
        return problems;
    }

    /// <summary>Why the card needs the chat's full width, or null: a wide element, a form, or a paragraph of text.</summary>
    private static string? NeedsFullWidth(List<(JsonObject Node, string Path, Role Role)> nodes)
    {
        foreach (var (node, path, role) in nodes)
        {
            if (role != Role.Element)
            {
                continue;
            }
            var type = Str(node, "type") ?? string.Empty;
            if (WideTypes.Contains(type))
            {
                return $"{path} is a {type}";
            }
            if (type.StartsWith("Input.", StringComparison.Ordinal))
            {
                return $"{path} is an input";
            }
            if (type == "TextBlock" && Str(node, "text") is { Length: > LongTextLength } text)
            {
                return $"{path} is a text of {text.Length} characters";
            }
        }
        return null;
    }

    private static void CheckNode(JsonObject node, string path, Role role, Dictionary<string, string> ids, List<string> problems)
    {
        var type = Str(node, "type");
        if (Str(node, "id") is { } id && !ids.TryAdd(id, path))
        {
            problems.Add($"{path}: id \"{id}\" is also used at {ids[id]}");
        }

        switch (role)
        {
            case Role.Card:
                CheckVersion(node, path, required: false, problems);
                return;
            case Role.Action or Role.RefreshAction:
                if (type is null || !Actions.Contains(type))
                {
                    problems.Add($"{path}: action \"{type}\" is not supported in Teams (allowed: {string.Join(", ", Actions)})");
                }
                if (role == Role.Action && string.IsNullOrWhiteSpace(Str(node, "title")))
                {
                    // The refresh action runs unseen; every other action is a button or a tap target that needs a name.
                    problems.Add($"{path}: {type} has no title");
                }
                return;
            case Role.Element:
                break;
        }

        if (type is null || !Elements.Contains(type))
        {
            problems.Add($"{path}: element \"{type}\" is not supported in Teams (allowed: {string.Join(", ", Elements)})");
            return;
        }
        // A toggle's title sits beside its box and is what a screen reader reads, so it labels the toggle.
        var labelled = !string.IsNullOrWhiteSpace(Str(node, "label"))
            || (type == "Input.Toggle" && !string.IsNullOrWhiteSpace(Str(node, "title")));
        if (type.StartsWith("Input.", StringComparison.Ordinal) && !labelled)
        {
            problems.Add($"{path}: {type} has no label; a placeholder disappears when typing and screen readers need the label");
        }
        if (type is "Table" && node["columns"] is JsonArray tableColumns && tableColumns.Count > MaxColumns)
        {
            problems.Add($"{path}: a Table with {tableColumns.Count} columns is too wide for a phone (at most {MaxColumns})");
        }
        if (type is "ColumnSet" && node["columns"] is JsonArray columns && columns.Count > MaxColumns)
        {
            problems.Add($"{path}: a ColumnSet with {columns.Count} columns is too wide for a phone (at most {MaxColumns})");
        }
        if (type is "TextBlock" or "TextRun" && Str(node, "color") is { } colour && MeaningColours.Contains(colour) && !HasWords(Str(node, "text")))
        {
            problems.Add($"{path}: colour \"{colour}\" is the only signal; say it in words too");
        }
        if (type is "Container" or "Column" && Str(node, "style") is { } style && MeaningColours.Contains(style) && !HasWords(AllText(node)))
        {
            problems.Add($"{path}: style \"{style}\" is the only signal; say it in words too");
        }
    }

    private static void CheckVersion(JsonNode card, string path, bool required, List<string> problems)
    {
        var version = Str(card, "version");
        if (version is null)
        {
            if (required)
            {
                problems.Add($"{path}: no version; Teams needs \"{MaxVersion}\"");
            }
            return;
        }
        if (!Version.TryParse(version, out var parsed) || parsed > Version.Parse(MaxVersion))
        {
            problems.Add($"{path}: version \"{version}\"; Teams renders at most \"{MaxVersion}\"");
        }
    }

    /// <summary>Words, not just symbols, digits or emoji: two letters in a row.</summary>
    private static bool HasWords(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLetter(text[i - 1]) && char.IsLetter(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static string AllText(JsonNode node) => string.Join(" ",
        Walk(node, "").Select(n => Str(n.Node, "text")).Where(t => t is not null));

    private enum Role
    {
        Card,
        Element,
        Action,
        RefreshAction,
    }

    /// <summary>Every object in the card that has a role: nested cards, elements and actions, with a readable path.</summary>
    private static IEnumerable<(JsonObject Node, string Path, Role Role)> Walk(JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }
        foreach (var (name, value) in obj)
        {
            var childPath = path.Length == 0 || path == "(root)" ? name : $"{path}.{name}";
            switch (name, value)
            {
                case ("body" or "items" or "columns" or "rows" or "cells" or "inlines", JsonArray elements):
                    for (var i = 0; i < elements.Count; i++)
                    {
                        if (elements[i] is JsonObject element)
                        {
                            var elementPath = $"{childPath}[{i}]";
                            if (name == "columns" && Str(obj, "type") == "Table")
                            {
                                // A Table's columns are width definitions, not elements.
                                continue;
                            }
                            yield return (element, elementPath, Role.Element);
                            foreach (var inner in Walk(element, elementPath))
                            {
                                yield return inner;
                            }
                        }
                    }
                    break;
                case ("actions", JsonArray actions):
                    for (var i = 0; i < actions.Count; i++)
                    {
                        if (actions[i] is JsonObject action)
                        {
                            foreach (var inner in Action(action, $"{childPath}[{i}]", Role.Action))
                            {
                                yield return inner;
                            }
                        }
                    }
                    break;
                case ("selectAction", JsonObject select):
                    foreach (var inner in Action(select, childPath, Role.Action))
                    {
                        yield return inner;
                    }
                    break;
                case ("refresh", JsonObject refresh) when refresh["action"] is JsonObject refreshAction:
                    foreach (var inner in Action(refreshAction, childPath + ".action", Role.RefreshAction))
                    {
                        yield return inner;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<(JsonObject Node, string Path, Role Role)> Action(JsonObject action, string path, Role role)
    {
        yield return (action, path, role);
        if (action["card"] is JsonObject card)
        {
            yield return (card, path + ".card", Role.Card);
            foreach (var inner in Walk(card, path + ".card"))
            {
                yield return inner;
            }
        }
    }

    private static string? Str(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
