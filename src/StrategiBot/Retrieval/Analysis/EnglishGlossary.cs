using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// <c>lexicon/english.tsv</c>: the strategies' own words, each with the English words an employee would
/// use for it (<c>word&lt;TAB&gt;english; english phrase</c>). Read the other way round, every English word or
/// phrase becomes a concept whose strategy words are all the words it translates. The concept lexicon maps
/// meanings people ask about; this maps the strategies' vocabulary, so an English question about anything
/// the strategies say reaches their words.
/// </summary>
internal static class EnglishGlossary
{
    /// <summary>A translation counts a little less than the strategy's own word, as a lexicon synonym does.</summary>
    public const float Weight = 0.7f;

    /// <param name="stopWords">
    /// Words dropped on both sides: an English function word ("about", "get") says nothing about the topic,
    /// and a strategy word whose stem is one ("fører" -> "for") would match everywhere.
    /// </param>
    public static ConceptLexicon Load(string path, StopWords stopWords)
    {
        var byPhrase = new Dictionary<string, (string[] Phrase, List<string> Strategy)>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Split('#', 2)[0];
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new ContentException(path, number, "expected a strategy word, a tab, and its English words separated by ';'.");
            }
            var strategy = ConceptLexicon.Normalise(line[..tab]);
            if (strategy.Length == 0)
            {
                throw new ContentException(path, number, "the strategy word before the tab is missing.");
            }
            strategy = [.. strategy.Where(s => !stopWords.Contains(s))];
            if (strategy.Length == 0)
            {
                continue;
            }
            foreach (var english in line[(tab + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var phrase = Tokenizer.Split(english).Select(LetterFolding.Fold).ToArray();
                if (phrase.All(stopWords.Contains))
                {
                    continue;
                }
                var key = string.Join(' ', phrase);
                if (!byPhrase.TryGetValue(key, out var entry))
                {
                    byPhrase[key] = entry = (phrase, []);
                }
                entry.Strategy.AddRange(strategy);
                words.UnionWith(phrase);
            }
        }
        // Triggers stay whole English words: the Norwegian stemmer would read "reporter" as "report".
        var concepts = byPhrase.Select(p => new Concept("en:" + p.Key, [.. p.Value.Strategy.Distinct(StringComparer.Ordinal)], [new Trigger(p.Value.Phrase, [])], Weight)).ToList();
        return ConceptLexicon.FromConcepts(concepts, words);
    }

    /// <summary>
    /// The question's words as the glossary writes them: an English plural or verb form becomes the base
    /// form the glossary lists ("reporters" -> "reporter", "posted" -> "post", "copies" -> "copy"), when it does.
    /// </summary>
    public static List<string> BaseForms(IReadOnlyList<string> foldedWords, IReadOnlyCollection<string> glossaryWords)
    {
        var forms = new List<string>(foldedWords.Count);
        foreach (var word in foldedWords)
        {
            forms.Add(glossaryWords.Contains(word) ? word : EnglishInflection.BaseFormCandidates(word).FirstOrDefault(glossaryWords.Contains) ?? word);
        }
        return forms;
    }
}
