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
}
