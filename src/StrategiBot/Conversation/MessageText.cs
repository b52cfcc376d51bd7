using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Conversation;

/// <summary>
/// A message's text as every feature reads it, worked out once at intake: without the bot's mention, every
/// kind of space one plain space, characters that show nothing gone. Teams and phone keyboards put a
/// no-break space (or <c>&amp;nbsp;</c>) after a mention and zero-width characters into pasted text, and a
/// command typed with one of them must still be the command. Teams also sends formatted or pasted text as
/// HTML (<c>&lt;p&gt;presse&lt;/p&gt;</c>, emoji as <c>&lt;img&gt;</c>), so markup goes and entities are decoded.
/// </summary>
internal static partial class MessageText
{
    public static string Of(Activity activity) => Normalise(activity.GetTextWithoutBotMention());

    public static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in WithoutMarkup(text))
        {
            if (IsInvisible(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = normalised.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                normalised.Append(' ');
                pendingSpace = false;
            }
            normalised.Append(c);
        }
        return normalised.ToString();
    }

    /// <summary>
    /// Tags that end a line or a block become a space, so "hjelp&lt;br&gt;presse" stays two words; inline ones
    /// (bold, links, emoji) go without one. Only a tag's shape counts: "&lt;3" or "a &lt; b" is text.
    /// </summary>
    private static string WithoutMarkup(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            // An emoji is an image whose alt text is the emoji itself; "👍" alone is still a message.
            text = Tag().Replace(text, m => BlockTags.Contains(m.Groups["name"].Value) ? " "
                : m.Groups["name"].Value.Equals("img", StringComparison.OrdinalIgnoreCase) && AltText().Match(m.Value) is { Success: true } alt ? WebUtility.HtmlDecode(alt.Groups[1].Value)
                : string.Empty);
        }
        return text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
    }

    private static readonly HashSet<string> BlockTags = new(
        ["br", "p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "hr"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\salt=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex AltText();

    // Zero-width space, non-joiner and joiner, word joiner, the byte order mark and the soft hyphen.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
