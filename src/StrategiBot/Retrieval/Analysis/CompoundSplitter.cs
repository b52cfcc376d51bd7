namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Splits a compound into two words the corpus knows, so "pressehenvendelse" also matches "henvendelse
/// fra pressen" and "sosialemedier" matches "sosiale medier". Allows the linking letters s and e
/// ("ytrings|frihet", "presse|kontakt"). Both parts must be real corpus words of at least three letters.
/// When only the last part is known it still counts as the compound's head: a "kjøreregel" is a kind
/// of "regel" whatever "kjøre" is, so the head alone is returned (as Right, with an empty Left).
/// </summary>
internal sealed class CompoundSplitter(Func<string, bool> isKnown)
{
    private const int MinPart = 3;
    private const int MinWord = 7;
    private const int MinHead = 5;

    /// <summary>The two parts (folded, unstemmed), or null when the word is not a known compound.</summary>
    public (string Left, string Right)? Split(string foldedWord)
    {
        if (foldedWord.Length < MinWord)
        {
            return null;
        }
        (string, string)? best = null;
        (string, string)? head = null;
        var bestBalance = 0;
        for (var cut = MinPart; cut <= foldedWord.Length - MinPart; cut++)
        {
            var left = foldedWord[..cut];
            var right = foldedWord[cut..];
            if (!isKnown(right))
            {
                continue;
            }
            if (head is null && right.Length >= MinHead)
            {
                head = (string.Empty, right);
            }
            var knownLeft = isKnown(left) ? left
                : left.Length > MinPart && left[^1] is 's' or 'e' && isKnown(left[..^1]) ? left[..^1]
                : null;
            if (knownLeft is null)
            {
                continue;
            }
            var balance = Math.Min(knownLeft.Length, right.Length);
            if (balance > bestBalance)
            {
                best = (knownLeft, right);
                bestBalance = balance;
            }
        }
        return best ?? head;
    }
}
