namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Finds the known words one edit away (a letter missing, extra, changed, or two letters swapped) from an
/// unknown word, through an index of single-deletion variants, so a lookup costs a few hash probes.
/// Short words are left alone: at four letters one edit reaches too many other words.
/// </summary>
internal sealed class TypoCorrector
{
    public const int MinLength = 5;

    private readonly Dictionary<string, List<string>> _deletions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words;

    public TypoCorrector(IEnumerable<string> vocabulary)
    {
        _words = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        foreach (var word in _words.Where(w => w.Length >= MinLength - 1))
        {
            Add(word, word);
            foreach (var deletion in Deletions(word))
            {
                Add(deletion, word);
            }
        }
    }

    public bool IsKnown(string word) => _words.Contains(word);

    /// <summary>Known words at edit distance one, or none; the word itself when it is known.</summary>
    public IReadOnlyList<string> Candidates(string word)
    {
        if (_words.Contains(word))
        {
            return [word];
        }
        if (word.Length < MinLength)
        {
            return [];
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Deletions(word).Append(word))
        {
            if (_deletions.TryGetValue(key, out var words))
            {
                foreach (var candidate in words.Where(c => IsOneEdit(word, c)))
                {
                    found.Add(candidate);
                }
            }
        }
        return [.. found.Order(StringComparer.Ordinal)];
    }

    private void Add(string key, string word)
    {
        if (!_deletions.TryGetValue(key, out var list))
        {
            _deletions[key] = list = [];
        }
        if (!list.Contains(word))
        {
            list.Add(word);
        }
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Damerau edit distance exactly one (the deletion index over-generates, so confirm).</summary>
    internal static bool IsOneEdit(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        if (a.Length == b.Length)
        {
            if (a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1)))
            {
                return true;
            }
            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix));
    }
}
