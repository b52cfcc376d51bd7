using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// The lexicon's files of <c>kind: phrase</c> lines (<c>fact-questions.txt</c>, <c>message-frame.txt</c>, <c>question-kinds.txt</c>):
/// one phrase per line after its kind and a colon, '#' starting a comment, blank lines skipped.
/// </summary>
internal static class PhraseFile
{
    /// <summary>Each line's kind and phrase, with its line number for later checks.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kinds">The kinds the file may use.</param>
    /// <param name="expected">What a line should look like, said when one does not, with the file and line.</param>
    public static IEnumerable<(string Kind, string Phrase, int Line)> Read(string path, IReadOnlyCollection<string> kinds, string expected)
    {
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? string.Empty : line[..colon].Trim();
            var phrase = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            if (!kinds.Contains(kind) || phrase.Length == 0)
            {
                throw new ContentException(path, lineNumber, expected);
            }
            yield return (kind, phrase, lineNumber);
        }
    }

    /// <summary>Each line's kind and phrase as folded words, for matching whole words in order; a phrase with no word fails like a malformed line.</summary>
    public static IEnumerable<(string Kind, string[] Words)> ReadWords(string path, IReadOnlyCollection<string> kinds, string expected)
    {
        foreach (var (kind, phrase, line) in Read(path, kinds, expected))
        {
            var words = Tokenizer.SplitFolded(phrase).ToArray();
            yield return words.Length > 0 ? (kind, words) : throw new ContentException(path, line, expected);
        }
    }
}
