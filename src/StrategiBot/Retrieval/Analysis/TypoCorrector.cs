namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Finds the known words one edit away (a letter missing, extra, changed, or two letters swapped) from an
/// unknown word, through an index of single-deletion variants, so a lookup costs a few hash probes.
/// Words of three letters or fewer are left alone: one edit reaches too many other words. At four letters it
/// often reaches several ("svre": svare, sure); all are offered, and the ranking sorts them out.
/// </summary>
internal sealed class TypoCorrector
{
    public const int MinLength = 4;

    // Deletion variants are keyed by a 64-bit hash instead of the variant itself: the index holds some
    // hundred thousand of them, and a string and a list for each made start-up allocate tens of megabytes.
    // A hash collision can only propose a word that is not one edit away, which IsOneEdit then rejects.
    private readonly Dictionary<ulong, int> _firstEntry = [];
    private readonly List<(int Word, int Next)> _entries = [];
    private readonly List<string> _indexed = [];
    private readonly HashSet<string> _words;

    public TypoCorrector(IEnumerable<string> vocabulary)
    {
        _words = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        foreach (var word in _words.Where(w => w.Length >= MinLength - 1))
        {
            var index = _indexed.Count;
            _indexed.Add(word);
            Add(Hash(word, skip: -1), index);
            for (var i = 0; i < word.Length; i++)
            {
                Add(Hash(word, skip: i), index);
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
        for (var skip = -1; skip < word.Length; skip++)
        {
            if (!_firstEntry.TryGetValue(Hash(word, skip), out var entry))
            {
                continue;
            }
            for (; entry >= 0; entry = _entries[entry].Next)
            {
                var candidate = _indexed[_entries[entry].Word];
                if (IsOneEdit(word, candidate))
                {
                    found.Add(candidate);
                }
            }
        }
        return [.. found.Order(StringComparer.Ordinal)];
    }

    private void Add(ulong key, int word)
    {
        var next = _firstEntry.TryGetValue(key, out var first) ? first : -1;
        // "kommune" without either m is the same variant: one entry is enough.
        if (next >= 0 && _entries[next].Word == word)
        {
            return;
        }
        _firstEntry[key] = _entries.Count;
        _entries.Add((word, next));
    }

    /// <summary>FNV-1a over the word without the letter at <paramref name="skip"/> (-1: the whole word).</summary>
    private static ulong Hash(string word, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < word.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ word[i]) * 1099511628211UL;
            }
        }
        return hash;
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
