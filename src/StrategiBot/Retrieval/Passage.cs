using StrategiBot.Content;

namespace StrategiBot.Retrieval;

/// <summary>
/// A quotable piece of one section: whole consecutive blocks, at most <see cref="PassageBuilder.MaxLength"/>
/// characters, its text verbatim from the content pack.
/// </summary>
internal sealed record Passage(int Index, string OrganisationId, Section Section, string Text, int FirstLine);

/// <summary>Cuts sections into passages at block boundaries, and long blocks at sentence boundaries.</summary>
internal static class PassageBuilder
{
    /// <summary>What one reads comfortably in a Teams message.</summary>
    public const int MaxLength = 1000;

    public static IEnumerable<(Section Section, string Text, int Line)> Cut(StrategyDocument document)
    {
        foreach (var section in document.Sections)
        {
            var pieces = section.Blocks.SelectMany(b => SplitLong(b.Display).Select(text => (text, b.Line)));
            var current = new List<string>();
            var length = 0;
            var line = 0;
            foreach (var (text, blockLine) in pieces)
            {
                if (current.Count > 0 && length + 1 + text.Length > MaxLength)
                {
                    yield return (section, string.Join('\n', current), line);
                    current.Clear();
                    length = 0;
                }
                if (current.Count == 0)
                {
                    line = blockLine;
                }
                current.Add(text);
                length += text.Length + (current.Count > 1 ? 1 : 0);
            }
            if (current.Count > 0)
            {
                yield return (section, string.Join('\n', current), line);
            }
        }
    }

    /// <summary>A block longer than a passage is cut after sentence ends, never inside a sentence unless it alone is too long.</summary>
    internal static IEnumerable<string> SplitLong(string text)
    {
        if (text.Length <= MaxLength)
        {
            yield return text;
            yield break;
        }
        var start = 0;
        while (text.Length - start > MaxLength)
        {
            var window = text.AsSpan(start, MaxLength);
            var cut = LastSentenceEnd(window);
            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
                if (cut <= 0)
                {
                    cut = MaxLength;
                }
            }
            yield return text.Substring(start, cut).TrimEnd();
            start += cut;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static int LastSentenceEnd(ReadOnlySpan<char> window)
    {
        for (var i = window.Length - 2; i > window.Length / 3; i--)
        {
            if (window[i] is '.' or '?' or '!' && window[i + 1] == ' ')
            {
                return i + 1;
            }
        }
        return -1;
    }
}
