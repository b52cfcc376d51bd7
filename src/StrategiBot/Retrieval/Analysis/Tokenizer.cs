namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Splits text into words: runs of letters and digits. Hyphens and slashes separate words
/// ("Facebook-innlegg" → facebook, innlegg), so compounds written either way meet.
/// </summary>
internal static class Tokenizer
{
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>The words with their letters folded (<see cref="LetterFolding"/>), as phrases are compared.</summary>
    public static List<string> SplitFolded(string text) => [.. Split(text).Select(LetterFolding.Fold)];

    /// <summary>True when <paramref name="phrase"/> stands anywhere in <paramref name="words"/>, word for word.</summary>
    public static bool ContainsPhrase(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            if (PhraseAt(words, start, phrase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="phrase"/> stands in <paramref name="words"/> at <paramref name="start"/>, word for word.</summary>
    public static bool PhraseAt(IReadOnlyList<string> words, int start, IReadOnlyList<string> phrase)
    {
        if (start + phrase.Count > words.Count)
        {
            return false;
        }
        for (var k = 0; k < phrase.Count; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
