using System.Text;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Lower-cases and folds Norwegian letters to one ASCII spelling, so "være", "vaere" and "vare"-style
/// keyboards meet: æ→ae, ø→o, å→a, and the ASCII spellings oe→o and aa→a. Both the strategy and the
/// question pass through this, so the rare real "oe"/"aa" words fold the same way on both sides.
/// </summary>
internal static class LetterFolding
{
    public static string Fold(string word)
    {
        // Most words of the content are already folded: every word is folded, many times over, at start-up.
        if (IsFolded(word))
        {
            return word;
        }
        // The ASCII spellings first, on what was typed: "miljøet" must not lose its e to an "oe" that only
        // exists after ø has become o.
        var lower = word.ToLowerInvariant().Replace("aa", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal);
        var builder = new StringBuilder(lower.Length + 2);
        foreach (var c in lower)
        {
            switch (c)
            {
                case 'æ' or 'ä':
                    builder.Append("ae");
                    break;
                case 'ø' or 'ö' or 'ó' or 'ò' or 'ô':
                    builder.Append('o');
                    break;
                case 'å' or 'à' or 'á' or 'â':
                    builder.Append('a');
                    break;
                case 'é' or 'è' or 'ê' or 'ë':
                    builder.Append('e');
                    break;
                case 'ü' or 'ú':
                    builder.Append('u');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Lower-case ASCII letters and digits with no "aa" or "oe": what <see cref="Fold"/> would give back unchanged.</summary>
    private static bool IsFolded(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
            if (i > 0 && ((c == 'a' && word[i - 1] == 'a') || (c == 'e' && word[i - 1] == 'o')))
            {
                return false;
            }
        }
        return true;
    }
}
