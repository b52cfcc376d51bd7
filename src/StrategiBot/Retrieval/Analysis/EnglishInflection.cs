namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// The base forms an inflected English word may have, most likely first: "copies" -> copy, "stopped" ->
/// stopp, stoppe, stop, "archiving" -> archiv, archive, "publicly" -> public. The Norwegian stemmer leaves English
/// endings alone, and listing every inflection in the lexicon would not scale; each caller keeps the first
/// candidate its own vocabulary knows.
/// </summary>
internal static class EnglishInflection
{
    private static readonly string[] Suffixes = ["ied", "ies", "ing", "ed", "es", "s", "ly"];

    public static IEnumerable<string> BaseFormCandidates(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length < 3 || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            var stem = word[..^suffix.Length];
            if (suffix is "ied" or "ies")
            {
                yield return stem + "y";
                continue;
            }
            yield return stem;
            if (suffix is "ing" or "ed")
            {
                // The silent e the ending swallowed.
                yield return stem + "e";
            }
            if (stem.Length > 3 && stem[^1] == stem[^2])
            {
                yield return stem[..^1];
            }
        }
    }
}
