using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Cards;

/// <summary>
/// The building blocks every card is made of. Version 1.5 is the highest Teams renders for bot cards;
/// nothing here uses a feature Teams lacks.
/// </summary>
internal static class AdaptiveCards
{
    public const string Version = "1.5";

    /// <summary>The most actions in one set that the reference renderer's host config (and so every client) accepts.</summary>
    public const int MaxActions = 5;

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null, bool fullWidth = false)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions is not null)
        {
            var list = new JsonArray([.. actions]);
            if (list.Count > 0)
            {
                card["actions"] = list;
            }
        }
        if (fullWidth)
        {
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }
        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Medium",
        ["weight"] = "Bolder",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    public static JsonObject Text(string text, bool subtle = false, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        if (size is not null)
        {
            block["size"] = size;
        }
        return block;
    }

    /// <summary>
    /// Text someone typed, shown exactly as typed. A TextBlock reads its text as Markdown, so a typed
    /// "[klikk her](https://…)" would become a live link in a card the bot signs; a TextRun is never read as
    /// Markdown (schema 1.2 on), in every client alike, where backslash escapes in a TextBlock show up as
    /// backslashes on some Teams clients. <paramref name="emphasised"/> sets it larger and bolder, as a name.
    /// </summary>
    public static JsonObject Verbatim(string text, bool emphasised = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (emphasised)
        {
            run["size"] = "Medium";
            run["weight"] = "Bolder";
        }
        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }

    /// <summary>
    /// A heading inside a card, for a group of items or fields under the card's own heading. Its size is
    /// set, since a host gives the heading style its own (Web Chat's is larger than the card's title).
    /// </summary>
    public static JsonObject Subheading(string text)
    {
        var heading = Text(text, size: "Default");
        heading["weight"] = "Bolder";
        heading["spacing"] = "Large";
        heading["style"] = "heading";
        return heading;
    }

    /// <summary>
    /// A passage quoted from the strategy: the text on a shaded background with its source in small print
    /// below (<paramref name="source"/> is the whole line, e.g. "Kilde: Media og presse"). Each paragraph
    /// and list item is a block of its own, shown verbatim: read as Markdown, one line break inside a
    /// TextBlock is no break at all, and a rule quoted as "8. …" would become a list that some Teams
    /// clients renumber from 1.
    /// </summary>
    public static JsonObject Citation(string text, string source)
    {
        var items = new JsonArray();
        foreach (var line in text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var block = Verbatim(line);
            if (items.Count > 0)
            {
                block["spacing"] = "Small";
            }
            items.Add(block);
        }
        items.Add(Text(source, subtle: true, size: "Small"));
        return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
    }

    /// <summary>"Kilde: …" or "Source: …" under a quoted passage, its title as <see cref="SourceTitle"/> shortens it.</summary>
    public static string SourceLine(string sectionTitle, bool english) => (english ? "Source: " : "Kilde: ") + SourceTitle(sectionTitle);

    /// <summary>
    /// A button that opens a warning and the one button that acts, for what cannot be undone (emptying a
    /// form, resetting a checklist): one tap on a card is easily made by mistake.
    /// </summary>
    public static JsonObject Confirm(string title, string warning, JsonNode confirm) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(Text(warning)),
            ["actions"] = new JsonArray(confirm),
        },
    };

    /// <summary>
    /// A section's title as a source line shows it: a chapter whose title the next title repeats is left
    /// out ("Vedlegg › Vedlegg 4: Kjøreregler …" reads "Vedlegg 4: Kjøreregler …").
    /// </summary>
    public static string SourceTitle(string fullTitle)
    {
        var parts = fullTitle.Split(" › ");
        return string.Join(" › ", parts.Where((part, i) => i + 1 >= parts.Length || !parts[i + 1].StartsWith(part, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A list rendered as Markdown bullets, which Teams shows on desktop and mobile alike.</summary>
    public static JsonObject Bullets(IEnumerable<string> items) =>
        Text(string.Join("\r", items.Select(i => "- " + i)));

    /// <summary>A button that posts <paramref name="data"/> back as a message (works in every client).</summary>
    public static JsonObject Submit(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };

    /// <summary>A button that sends <paramref name="text"/> as if the user typed it, visible in the chat.</summary>
    public static JsonObject ImBack(string title, string text) =>
        Submit(title, new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } });

    public static Attachment ToAttachment(JsonObject card) => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = JsonSerializer.SerializeToElement(card),
    };

    public static Activity ToActivity(JsonObject card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [ToAttachment(card)],
        Summary = summary,
    };
}
