using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// What a question asks for (who, how, why, may I ...), from <c>lexicon/question-kinds.txt</c>. The words
/// that say it are stop words (a one-word phrase must be one), gone from the analysed question, yet the alternate questions stored with a
/// section are asked the same ways: a question marked "who" meets the sections whose stored questions ask
/// who. <see cref="Of"/> gives the marks as index terms, which no analysed word can equal.
/// </summary>
internal sealed class QuestionKinds
{
    /// <summary>Starts every mark; the tokenizer keeps letters and digits only, so no word of a text starts with it.</summary>
    public const string Mark = "?";

    private static readonly string[] Kinds = ["who", "how", "why", "when", "where", "may", "must", "what"];

    private readonly List<(string Term, string[] Words)> _phrases;

    private QuestionKinds(List<(string Term, string[] Words)> phrases) => _phrases = phrases;

    public static QuestionKinds Empty { get; } = new([]);

    /// <summary>Reads <c>kind: phrase</c> lines; an unknown kind fails with the file and line.</summary>
    public static QuestionKinds Load(string path)
    {
        var expected = $"expected 'kind: word or phrase', kind one of {string.Join(", ", Kinds)}.";
        // Longest first: "hvor mange" asks how many, and its "hvor" is then no longer free to ask where.
        return new QuestionKinds([.. PhraseFile.ReadWords(path, Kinds, expected)
            .Select(p => (Mark + p.Kind, p.Words))
            .OrderByDescending(p => p.Words.Length)]);
    }

    /// <summary>
    /// The marks of every kind a question's words (as <see cref="Tokenizer.SplitFolded"/> gives them) ask
    /// for, each once. The longest phrase takes its first word, the question word: "kva tid" asks when, not
    /// what, and "hvor mange" how, not where; the words after it stay free ("kvar kan" asks where and may).
    /// </summary>
    public IReadOnlyList<string> Of(IReadOnlyList<string> words)
    {
        var marks = new List<string>();
        bool[]? taken = null;
        foreach (var (term, phrase) in _phrases)
        {
            for (var start = 0; start + phrase.Length <= words.Count; start++)
            {
                if (Tokenizer.PhraseAt(words, start, phrase) && (taken is null || !taken[start]))
                {
                    taken ??= new bool[words.Count];
                    taken[start] = true;
                    if (!marks.Contains(term))
                    {
                        marks.Add(term);
                    }
                }
            }
        }
        return marks;
    }
}
