namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// The analysis stages composed in one place. A document becomes stems: tokenise → fold letters → drop
/// stop words → stem, plus the parts of compounds. A question goes the same way and, per word, gathers
/// alternatives: the word's stem, its compound parts, spellings one typo away, an English word's base
/// form, and lexicon concepts.
/// </summary>
internal sealed class AnalysisPipeline
{
    public const float CompoundPartWeight = 0.7f;
    public const float TypoWeight = 0.8f;
    private const int MinStopWordSlip = 5;
    private const int MinEnglishStopWordSlip = 6;

    /// <summary>The shortest unknown word read as a lexicon word one letter away ("agent" is not "apent").</summary>
    public const int MinLexiconCorrection = 7;

    private readonly StopWords _stopWords;
    private readonly ConceptLexicon _lexicon;
    private readonly HashSet<string> _foldedVocabulary;
    private readonly HashSet<string> _stems;
    private readonly CompoundSplitter _splitter;
    private readonly TypoCorrector _typos;
    private readonly TypoCorrector _englishTypos;
    private readonly TypoCorrector _stopWordTypos;
    private readonly TypoCorrector _englishStopWordTypos;
    private readonly TypoCorrector _lexiconTypos;

    /// <param name="stopWords">Words to drop.</param>
    /// <param name="lexicon">The concept lexicon.</param>
    /// <param name="corpusTexts">The strategies and their alternate questions: what a Norwegian question's misspellings are corrected towards.</param>
    /// <param name="knownWords">
    /// Further words the bot knows (the lexicon's): they count as known, and a misspelt word may be read as
    /// one of them by the lexicon, but they never join a question's alternatives as corrections.
    /// </param>
    /// <param name="englishTexts">
    /// The corpus texts written in English (alternate questions asked in English): with the lexicon's English
    /// words, what an English question's misspellings are corrected towards. Corrected towards the whole
    /// corpus, a correct English word the corpus lacks would become a Norwegian one ("agent" -> "apent").
    /// </param>
    public AnalysisPipeline(StopWords stopWords, ConceptLexicon lexicon, IEnumerable<string> corpusTexts, IEnumerable<string>? knownWords = null, IEnumerable<string>? englishTexts = null)
    {
        _stopWords = stopWords;
        _lexicon = lexicon;
        _foldedVocabulary = new HashSet<string>(StringComparer.Ordinal);
        var englishSet = (englishTexts ?? []).ToHashSet(StringComparer.Ordinal);
        var englishWords = englishSet.SelectMany(Tokenizer.SplitFolded).ToHashSet(StringComparer.Ordinal);
        // Stop words a slip may be read as: four letters or more, and used by the content in the question's language.
        var slipTargets = stopWords.Words.Where(w => w.Length >= MinStopWordSlip - 1).ToHashSet(StringComparer.Ordinal);
        var norwegianStopWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in corpusTexts)
        {
            var inEnglish = englishSet.Contains(text);
            foreach (var token in Tokenizer.Split(text))
            {
                var folded = LetterFolding.Fold(token);
                if (!inEnglish && slipTargets.Contains(folded))
                {
                    norwegianStopWords.Add(folded);
                }
                if (IsVocabulary(folded))
                {
                    _foldedVocabulary.Add(folded);
                }
            }
        }
        // "lages" must not be corrected to the lexicon's English "pages".
        _typos = new TypoCorrector(_foldedVocabulary);
        _englishTypos = new TypoCorrector(englishWords.Concat(lexicon.English?.Words ?? []).Where(IsVocabulary));
        _stopWordTypos = new TypoCorrector(norwegianStopWords);
        _englishStopWordTypos = new TypoCorrector(slipTargets.Where(englishWords.Contains));
        var lexiconWords = (knownWords ?? []).Select(LetterFolding.Fold).Where(w => w.Length >= 3 && !stopWords.Contains(w)).ToList();
        // "comunications" should still reach the lexicon's "communications". Kept apart from the corpus
        // corrector, which goes first, and used only on longer words: the lexicon mixes two languages, so
        // a short correct word of one is often one letter from a word of the other ("agent", "apent").
        // A correction is at most one letter shorter than the word, so lexicon words shorter than that
        // could never be returned and are left out of its index.
        _lexiconTypos = new TypoCorrector(lexiconWords.Where(w => w.Length >= MinLexiconCorrection - 1));
        _foldedVocabulary.UnionWith(lexiconWords);
        _stems = new HashSet<string>(_foldedVocabulary.Select(NorwegianStemmer.Stem), StringComparer.Ordinal);
        _splitter = new CompoundSplitter(IsKnown);
    }

    private bool IsVocabulary(string folded) => folded.Length >= 3 && !_stopWords.Contains(folded) && !folded.All(char.IsAsciiDigit);

    public StopWords StopWords => _stopWords;

    public ConceptLexicon Lexicon => _lexicon;

    public bool IsKnown(string folded) => _foldedVocabulary.Contains(folded) || _stems.Contains(NorwegianStemmer.Stem(folded));

    /// <summary>Index side: every stem of the text.</summary>
    public List<string> AnalyzeDocument(string text) => AnalyzeDocument(text, parts: null);

    /// <summary>
    /// A message's stems, and apart from them the stems of its compounds' parts, for matching phrases. Word
    /// pairs that name one thing become one word ("sosiale medier"), so a phrase about the press ("hvem
    /// svarer media") is not matched by a question about social media.
    /// </summary>
    public MessageWords AnalyzeMessage(string text)
    {
        var parts = new List<string>();
        var stems = AnalyzeDocument(text, parts);
        for (var i = stems.Count - 2; i >= 0; i--)
        {
            if (Collocations.Contains((stems[i], stems[i + 1])))
            {
                stems[i] += stems[i + 1];
                stems.RemoveAt(i + 1);
            }
        }
        return new MessageWords(stems, parts);
    }

    private static readonly HashSet<(string, string)> Collocations = [("sosial", "medi"), ("social", "medi")];

    /// <summary>
    /// Index side: every stem of the text, and in <paramref name="parts"/> the stems of its compounds'
    /// parts, which the index weighs lower: a "krisekommunikasjon" heading is not about all communication.
    /// </summary>
    public List<string> AnalyzeDocument(string text, List<string>? parts) => AnalyzeFolded(Tokenizer.SplitFolded(text), parts);

    /// <summary>
    /// <see cref="AnalyzeDocument(string, List{string}?)"/> for words already split and folded, for a caller
    /// that needs those words as well (what an alternate question asks for is read from them).
    /// </summary>
    public List<string> AnalyzeFolded(IReadOnlyList<string> words, List<string>? parts = null)
    {
        var terms = new List<string>();
        foreach (var folded in words)
        {
            if (_stopWords.Contains(folded))
            {
                continue;
            }
            terms.Add(NorwegianStemmer.Stem(folded));
            if (_splitter.Split(folded) is var (left, right))
            {
                var target = parts ?? terms;
                if (left.Length > 0)
                {
                    target.Add(NorwegianStemmer.Stem(left));
                }
                target.Add(NorwegianStemmer.Stem(right));
            }
        }
        return terms;
    }

    /// <summary>
    /// Question side: one group of weighted alternatives per meaningful word. A lexicon concept joins the
    /// group of the first word that triggered it, so a word and its concept count once, not twice.
    /// </summary>
    /// <param name="text">The question.</param>
    /// <param name="english">
    /// True for an English question: its words reach the strategy through the lexicon and through base
    /// forms the strategies also use ("fronting", "fronte"), and compound splitting stays off. Spelling is
    /// corrected only where no base form is known; the corpus holds the English alternate questions, so an
    /// English word ("first") is known and left alone while "valuse" finds "values".
    /// </param>
    public AnalyzedQuery AnalyzeQuery(string text, bool english = false)
    {
        var folded = Tokenizer.SplitFolded(text);
        var stems = folded.Select(NorwegianStemmer.Stem).ToList();
        var spelt = folded.ToArray();
        var perWord = new List<QueryAlternative>?[folded.Count];
        var readAsCorrection = new bool[folded.Count];
        var misspelt = new bool[folded.Count];

        for (var i = 0; i < folded.Count; i++)
        {
            var word = folded[i];
            if (_stopWords.Contains(word) || word.Length < 2 || (english && IsInflectedStopWord(word)))
            {
                continue;
            }
            var known = IsKnown(word);
            var baseForm = known || !english ? null : EnglishBaseForm(word);
            var candidates = known || baseForm is not null ? [] : (english ? _englishTypos : _typos).Candidates(word);
            if (!known && baseForm is null && candidates.Count == 0 && IsMisspeltStopWord(word, english))
            {
                continue;
            }
            var alternatives = new List<QueryAlternative> { new(stems[i], 1f, AlternativeKind.Exact) };
            if (!english && NorwegianStemmer.WithoutNynorskJ(stems[i]) is var bokmal && bokmal != stems[i])
            {
                alternatives.Add(new QueryAlternative(bokmal, 1f, AlternativeKind.Exact));
            }
            if (!known)
            {
                var (spelling, typo) = Respell(word, baseForm, candidates, alternatives);
                if (spelling is not null)
                {
                    stems[i] = NorwegianStemmer.Stem(spelling);
                    spelt[i] = typo ? spelling : word;
                }
                misspelt[i] = typo;
                readAsCorrection[i] = typo && spelling is not null;
            }
            // A misspelt word is not a compound: "jounalisten" would split into "jouna" and "listen".
            if (!english && !misspelt[i] && Split(word) is var (left, right))
            {
                if (left.Length > 0)
                {
                    alternatives.Add(new QueryAlternative(NorwegianStemmer.Stem(left), CompoundPartWeight, AlternativeKind.CompoundPart));
                }
                alternatives.Add(new QueryAlternative(NorwegianStemmer.Stem(right), CompoundPartWeight, AlternativeKind.CompoundPart));
            }
            perWord[i] = alternatives;
        }

        var standalone = new List<QueryGroup>();
        var matches = _lexicon.Match(stems, english ? spelt : null).ToList();
        if (english && _lexicon.English is { } glossary)
        {
            // The glossary fills gaps: where the curated lexicon already reads a word, its loose translations would only blur it.
            var read = new bool[folded.Count];
            foreach (var (_, start, length) in matches)
            {
                Array.Fill(read, true, start, length);
            }
            matches.AddRange(glossary.Match(EnglishGlossary.BaseForms(folded, glossary.Words)).Where(m => !read.AsSpan(m.Start, m.Length).Contains(true)));
        }
        foreach (var (concept, start, length) in matches)
        {
            var weight = Enumerable.Range(start, length).Any(i => readAsCorrection[i]) ? concept.Weight * TypoWeight : concept.Weight;
            var conceptAlternatives = concept.StrategyTerms.Select(t => new QueryAlternative(t, weight, AlternativeKind.Concept));
            var anchor = Enumerable.Range(start, length).FirstOrDefault(i => perWord[i] is not null, -1);
            if (anchor >= 0)
            {
                perWord[anchor]!.AddRange(conceptAlternatives);
            }
            else
            {
                standalone.Add(new QueryGroup(string.Join(' ', folded.Skip(start).Take(length)), Distinct([.. conceptAlternatives])));
            }
        }

        // A compound's parts may be lexicon words the whole is not: "instagramkonto" is about Instagram.
        for (var i = 0; i < folded.Count; i++)
        {
            if (!english && !misspelt[i] && perWord[i] is { } alternatives && Split(folded[i]) is var (left, right))
            {
                string[] parts = left.Length > 0 ? [NorwegianStemmer.Stem(left), NorwegianStemmer.Stem(right)] : [NorwegianStemmer.Stem(right)];
                foreach (var (concept, _, _) in _lexicon.Match(parts))
                {
                    alternatives.AddRange(concept.StrategyTerms.Select(t => new QueryAlternative(t, concept.Weight * CompoundPartWeight, AlternativeKind.Concept)));
                }
            }
        }

        var groups = perWord
            .Select((alternatives, i) => alternatives is null ? null : new QueryGroup(folded[i], Distinct(alternatives)))
            .OfType<QueryGroup>()
            .Concat(standalone)
            .GroupBy(g => string.Join('|', g.Alternatives.Select(a => a.Term)), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        return new AnalyzedQuery(groups);
    }

    /// <summary>
    /// An unknown word's other spellings: corpus words one typo away join its alternatives, and an English
    /// word's base form too. Returns the spelling the lexicon should read the word as, if there is one sure
    /// spelling ("jounalisten" is about the press, but a word one letter from two others says nothing
    /// sure), and whether the word is misspelt.
    /// </summary>
    private (string? Spelling, bool Typo) Respell(string word, string? baseForm, IReadOnlyList<string> candidates, List<QueryAlternative> alternatives)
    {
        if (baseForm is not null)
        {
            alternatives.Add(new QueryAlternative(NorwegianStemmer.Stem(baseForm), 1f, AlternativeKind.BaseForm));
            return (baseForm, false);
        }
        foreach (var candidate in candidates)
        {
            alternatives.Add(new QueryAlternative(NorwegianStemmer.Stem(candidate), TypoWeight, AlternativeKind.Typo));
        }
        var lexiconCandidates = candidates.Count > 0 ? candidates : word.Length >= MinLexiconCorrection ? _lexiconTypos.Candidates(word) : [];
        var only = lexiconCandidates is [var single] ? single : null;
        return (only, candidates.Count > 0 || only is not null);
    }

    /// <summary>
    /// An unknown word, one letter from no word of the corpus, is a slip in a filler word when it is one letter
    /// from a stop word of its language ("heike", "eigentlg"; "actualy", "anywon"): read as that stop word, it
    /// neither searches nor counts as a word no strategy knows. Only stop words the content uses in that
    /// language count ("seller" is not the Norwegian "eller"), and an English word must be longer, since the
    /// bot knows fewer English words and a real one is often a letter from a filler ("guest", "guess").
    /// </summary>
    private bool IsMisspeltStopWord(string word, bool english) =>
        english
            ? word.Length >= MinEnglishStopWordSlip && _englishStopWordTypos.Candidates(word).Count > 0
            : word.Length >= MinStopWordSlip && _stopWordTypos.Candidates(word).Count > 0;

    /// <summary>
    /// An English stop word inflected ("saying", "thinks", "wanted"): the stop-word list names base forms,
    /// as the lexicon does, and the Norwegian stemmer leaves English endings alone. Whether the corpus knows
    /// the word says nothing here, since the English alternate questions use these forms too. "evening" goes
    /// with "even"; a time of day tells no passage from another either.
    /// </summary>
    private bool IsInflectedStopWord(string word) => EnglishInflection.BaseFormCandidates(word).Any(_stopWords.Contains);

    /// <summary>
    /// The base form of an inflected English word, when the lexicon or the strategies know it: "emailed" ->
    /// "email", "stopped" -> "stop", "copied" -> "copy", "fronting" -> "front" (the strategies' "fronte").
    /// Forms are compared as Norwegian stems, as the index holds them, so "hoping" meets "hope".
    /// </summary>
    private string? EnglishBaseForm(string word) => EnglishInflection.BaseFormCandidates(word).FirstOrDefault(IsKnown);

    /// <summary>
    /// A question word the corpus knows whole is split only into two known words: its head alone would
    /// turn "prioriteringer" into "ringer".
    /// </summary>
    private (string Left, string Right)? Split(string folded) =>
        _splitter.Split(folded) is var (left, right) && (left.Length > 0 || !_foldedVocabulary.Contains(folded)) ? (left, right) : null;

    private static List<QueryAlternative> Distinct(List<QueryAlternative> alternatives) =>
        [.. alternatives.GroupBy(a => a.Term, StringComparer.Ordinal).Select(g => g.MaxBy(a => a.Weight)!)];
}

internal enum AlternativeKind
{
    Exact,
    Typo,
    CompoundPart,
    Concept,
    Extension,
    /// <summary>An inflected English word's base form ("fronting" -> "front", as in "fronte").</summary>
    BaseForm,
    /// <summary>What the question asks for (<see cref="QuestionKinds"/>), not a word of it.</summary>
    Kind,
}

/// <summary>A stem to look for and how much a match on it counts.</summary>
internal sealed record QueryAlternative(string Term, float Weight, AlternativeKind Kind);

/// <summary>One word (or concept) of the question: matched when any alternative is found.</summary>
internal sealed record QueryGroup(string Source, IReadOnlyList<QueryAlternative> Alternatives);

internal sealed record AnalyzedQuery(IReadOnlyList<QueryGroup> Groups);

/// <summary>A message's stems, and the stems of its compounds' parts ("innlegg": inn, legg).</summary>
internal sealed record MessageWords(IReadOnlyList<string> Stems, IReadOnlyList<string> Parts)
{
    public IEnumerable<string> All => Stems.Concat(Parts);
}
