using System.Text;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Conversation;

/// <summary>
/// A message's text as every feature reads it, worked out once at intake: without the bot's mention, every
/// kind of space one plain space, characters that show nothing gone. Teams and phone keyboards put a
/// no-break space (or <c>&amp;nbsp;</c>) after a mention and zero-width characters into pasted text, and a
/// command typed with one of them must still be the command.
/// </summary>
internal static class MessageText
{
    public static string Of(Activity activity) => Normalise(activity.GetTextWithoutBotMention());

    public static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Replace("&nbsp;", " ", StringComparison.Ordinal))
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

    // Zero-width space, non-joiner and joiner, word joiner, the byte order mark and the soft hyphen.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
