using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Retrieval;

/// <summary>
/// All organisations' strategies, analysed and indexed once at start-up; thread-safe to search.
/// A search only ever looks at the asking organisation's own passages.
/// </summary>
internal sealed class KnowledgeBase
{
    /// <summary>Further passages must reach this share of the best one's score to be offered.</summary>
    private const float FurtherPassageShare = 0.4f;

    private readonly Dictionary<string, ContentPack> _packs;

    /// <summary>Stems that name the strategy document itself ("strategien", "kommunikasjonsstrategien").</summary>
    private static readonly HashSet<string> DocumentWords = new(["strategi", "kommunikasjonsstrategi", "kommunikasjonstrategi", "strategy", "kommstrategi"], StringComparer.Ordinal);

    private readonly FactPhrases _facts;

    private readonly MessageFrame _frame;

    private readonly QuestionKinds _kinds;

    /// <param name="facts">Phrases asking for a number or a name; none when null.</param>
    /// <param name="frame">Greetings, thanks and sign-offs to take off a question; none when null.</param>
    /// <param name="kinds">What questions ask for (who, how, may I ...); none when null.</param>
    public KnowledgeBase(IReadOnlyList<ContentPack> packs, StopWords stopWords, ConceptLexicon lexicon, FactPhrases? facts = null, MessageFrame? frame = null, QuestionKinds? kinds = null)
    {
        _facts = facts ?? FactPhrases.Empty;
        _frame = frame ?? MessageFrame.Empty;
        _kinds = kinds ?? QuestionKinds.Empty;
        _packs = packs.ToDictionary(p => p.Organisation.Id, StringComparer.Ordinal);
        var strategyTexts = packs.SelectMany(p => p.Strategy.Sections.SelectMany(s => s.Blocks.Select(b => b.Text).Append(s.Title))).ToList();
        var alternates = packs.SelectMany(p => p.Questions.Values.SelectMany(q => q)).Select(q => q.Text).ToList();
        (var english, _wordLanguages) = LearnLanguages(strategyTexts, alternates, lexicon.English?.Words ?? [], stopWords);
        Analysis = new AnalysisPipeline(stopWords, lexicon, strategyTexts.Concat(alternates), lexicon.Words, english);
        Index = new PassageIndex(packs, Analysis, _kinds);
        _questions = packs.ToDictionary(
            p => p.Organisation.Id,
            p => new StoredQuestions(StoredQuestionsOf(p)),
            StringComparer.Ordinal);
        // Only an organisation's own: what one strategy leaves out, another may answer.
        _uncovered = packs.ToDictionary(
            p => p.Organisation.Id,
            p => new StoredQuestions([.. p.Uncovered.AsParallel().AsOrdered().Select(UncoveredQuestionOf)]),
            StringComparer.Ordinal);
        _titles = packs.ToDictionary(p => p.Organisation.Id, p => SectionTitles.Of(p.Strategy.Sections), StringComparer.Ordinal);
        _ownNames = packs.ToDictionary(
            p => p.Organisation.Id,
            p => Analysis.AnalyzeDocument(p.Organisation.ShortName).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Folded words that only one language of the content uses.</summary>
    private readonly IReadOnlyDictionary<string, Language> _wordLanguages;

    /// <summary>
    /// The language of a message, as the whole bot decides it: each function word, and each other word that
    /// only one language of the content uses (the strategies and the alternate questions asked in Norwegian,
    /// against those asked in English and the glossary's English words), counts one for its language, so
    /// "email reply time" is English and "facebook regler" Norwegian; a tie is Norwegian.
    /// </summary>
    public Language DetectLanguage(string? text) => Detect(text, _wordLanguages);

    /// <summary>How many words of the text speak for each language, as <see cref="DetectLanguage"/> counts them.</summary>
    public LanguageEvidence LanguageEvidenceOf(string? text) => LanguageDetector.Evidence(text, WordLanguage(_wordLanguages));

    private static Language Detect(string? text, IReadOnlyDictionary<string, Language> wordLanguages) =>
        LanguageDetector.Detect(text, WordLanguage(wordLanguages));

    private static Func<string, Language?> WordLanguage(IReadOnlyDictionary<string, Language> wordLanguages) =>
        word => wordLanguages.TryGetValue(LetterFolding.Fold(word), out var language) ? language : null;

    /// <summary>
    /// Sorts the alternate questions by language and learns which words only one language of the content
    /// uses. Function words sort most questions; the words of those sorted then sort the rest, short ones
    /// without function words ("main comms objective"), which counted as Norwegian would make their own words
    /// Norwegian. The second sorting is the one every message gets (<see cref="DetectLanguage"/>).
    /// </summary>
    private static (List<string> English, IReadOnlyDictionary<string, Language> WordLanguages) LearnLanguages(
        List<string> strategyTexts, List<string> alternates, IReadOnlyCollection<string> glossary, StopWords stopWords)
    {
        List<string> Words(string text) => [.. Tokenizer.SplitFolded(text).Where(w => w.Length >= 2 && !stopWords.Contains(w))];
        var strategyWords = strategyTexts.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var words = alternates.Select(Words).ToList();

        IReadOnlyDictionary<string, Language> Learn(Func<int, Language?> languageOf)
        {
            var norwegian = new HashSet<string>(strategyWords, StringComparer.Ordinal);
            var english = glossary.Where(w => w.Length >= 2 && !stopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < alternates.Count; i++)
            {
                (languageOf(i) switch { Language.English => english, Language.Norwegian => norwegian, _ => null })?.UnionWith(words[i]);
            }
            return norwegian.Where(w => !english.Contains(w)).Select(w => KeyValuePair.Create(w, Language.Norwegian))
                .Concat(english.Where(w => !norwegian.Contains(w)).Select(w => KeyValuePair.Create(w, Language.English)))
                .ToDictionary(StringComparer.Ordinal);
        }

        var byFunctionWords = alternates.Select(text => LanguageDetector.Evidence(text)).ToList();
        var first = Learn(i => byFunctionWords[i] switch
        {
            { English: var e, Norwegian: var n } when e > n => Language.English,
            { English: var e, Norwegian: var n } when n > e => Language.Norwegian,
            _ => null,
        });
        var isEnglish = alternates.Select(text => Detect(text, first) == Language.English).ToArray();
        return ([.. alternates.Where((_, i) => isEnglish[i])], Learn(i => isEnglish[i] ? Language.English : Language.Norwegian));
    }

    /// <summary>Each organisation's short name as index terms, analysed once rather than per question.</summary>
    private readonly Dictionary<string, HashSet<string>> _ownNames;

    /// <summary>Each organisation's sections by title, normalised once: every message is looked up here.</summary>
    private readonly Dictionary<string, SectionTitles> _titles;

    /// <summary>How much a passage's score grows when a stored question aimed at it and the question match fully.</summary>
    private const float QuestionBoost = 2f;

    private readonly Dictionary<string, StoredQuestions> _questions;

    /// <summary>Each alternate question with the passages it speaks for, as the index found them.</summary>
    private StoredQuestion[] StoredQuestionsOf(ContentPack pack) =>
        [.. pack.Questions.Values.SelectMany(questions => questions).Select(StoredQuestionOf)];

    private StoredQuestion StoredQuestionOf(AlternateQuestion question)
    {
        var (terms, passages) = Index.Question(question);
        return StoredQuestionOf(question.Text, terms, [.. passages]);
    }

    private StoredQuestion UncoveredQuestionOf(string text) => StoredQuestionOf(text, Index.QuestionTerms(text), []);

    private StoredQuestion StoredQuestionOf(string text, IReadOnlyList<string> terms, int[] passages)
    {
        // Only a question naming the document can ask within it; the others keep their words as they are.
        var words = terms.Any(DocumentWords.Contains) && AsksWithinTheDocument(Tokenizer.SplitFolded(text)) ? terms.Where(t => !DocumentWords.Contains(t)) : terms;
        return new StoredQuestion(text, words.Distinct(StringComparer.Ordinal).ToDictionary(t => t, Rarity, StringComparer.Ordinal), passages);
    }

    /// <summary>Each organisation's questions its strategy does not answer (<see cref="ContentPack.Uncovered"/>).</summary>
    private readonly Dictionary<string, StoredQuestions> _uncovered;

    /// <summary>
    /// Compares the question with every stored alternate question of its organisation. Per passage: how closely
    /// the closest stored question aimed at it and the question match each other (rarity-weighted, both ways,
    /// 0–1), a question asked much like one the communication department anticipated. Both ways, because a
    /// long stored question that happens to hold every word of a short question is less alike than one that
    /// holds little else. And the closest match overall: see <see cref="RetrievalResult.MutualQuestionMatch"/>.
    /// </summary>
    private static (Dictionary<int, float> PerPassage, float Mutual, StoredQuestion? Closest) QuestionMatches(AnalyzedQuery query, float[] weights, StoredQuestions? questions)
    {
        var perPassage = new Dictionary<int, float>();
        var total = weights.Sum();
        if (total <= 0 || questions is null)
        {
            return (perPassage, 0, null);
        }
        var queryTerms = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var alternative in query.Groups.SelectMany(g => g.Alternatives))
        {
            // A kind weighs more in a passage's score than a word; between two questions it is one more word.
            queryTerms[alternative.Term] = Math.Max(queryTerms.GetValueOrDefault(alternative.Term), alternative.Kind == AlternativeKind.Kind ? 1 : alternative.Weight);
        }
        // Group by group, only the stored questions sharing a word with the question are visited: one that
        // shares none covers nothing and is covered by nothing. A kind ("can I") is shared by most stored
        // questions, so it only adds to those a word already reached, which comes to the same but for
        // questions sharing nothing else, and spares visiting them all.
        var covered = new Dictionary<int, float>();
        var groupMatch = new Dictionary<int, float>();
        for (var g = 0; g < query.Groups.Count; g++)
        {
            groupMatch.Clear();
            if (query.Groups[g].Alternatives is [{ Kind: AlternativeKind.Kind } kind])
            {
                foreach (var q in covered.Keys.Where(q => questions.All[q].Weights.ContainsKey(kind.Term)))
                {
                    groupMatch[q] = 1;
                }
            }
            else
            {
                foreach (var alternative in query.Groups[g].Alternatives)
                {
                    foreach (var q in questions.Containing(alternative.Term))
                    {
                        if (alternative.Weight > groupMatch.GetValueOrDefault(q))
                        {
                            groupMatch[q] = alternative.Weight;
                        }
                    }
                }
            }
            foreach (var (q, match) in groupMatch)
            {
                covered[q] = covered.GetValueOrDefault(q) + weights[g] * match;
            }
        }
        var mutual = 0f;
        StoredQuestion? closest = null;
        foreach (var (q, sum) in covered)
        {
            var stored = questions.All[q];
            var coverage = sum / total;
            var reached = 0f;
            foreach (var (term, weight) in stored.Weights)
            {
                reached += weight * queryTerms.GetValueOrDefault(term);
            }
            var reverse = stored.TotalWeight <= 0 ? 0 : reached / stored.TotalWeight;
            var match = coverage + reverse > 0 ? 2 * coverage * reverse / (coverage + reverse) : 0;
            if (match > mutual)
            {
                (mutual, closest) = (match, stored);
            }
            foreach (var passage in stored.Passages)
            {
                perPassage[passage] = Math.Max(perPassage.GetValueOrDefault(passage), match);
            }
        }
        return (perPassage, mutual, closest);
    }

    public AnalysisPipeline Analysis { get; }

    public PassageIndex Index { get; }

    public IReadOnlyCollection<ContentPack> Packs => _packs.Values;

    /// <summary>The organisations with a content pack, by id in order: what an error about an unknown one lists.</summary>
    public IEnumerable<string> OrganisationIds => _packs.Keys.Order(StringComparer.Ordinal);

    public ContentPack? Pack(string organisationId) => _packs.GetValueOrDefault(organisationId);

    /// <summary>
    /// The id of the organisation a caller names: its id, or its id, name or short name written another way
    /// ("Østre Toten", "ostre_toten", "Klæbu kommune"); null when no pack matches.
    /// </summary>
    public string? OrganisationNamed(string name)
    {
        if (_packs.ContainsKey(name))
        {
            return name;
        }
        var key = NameKey(name);
        return key.Length == 0 ? null : _packs.Values
            .FirstOrDefault(p => key == NameKey(p.Organisation.Id) || key == NameKey(p.Organisation.ShortName) || key == NameKey(p.Organisation.Name))?
            .Organisation.Id;
    }

    /// <summary>Letters and digits only, folded: "Østre Toten", "ostre-toten" and "OSTRE_TOTEN" meet.</summary>
    private static string NameKey(string name) => string.Concat(Tokenizer.SplitFolded(name.Replace('_', ' ')));

    /// <summary>The organisation of a pack the host validated at start-up (<c>Bot:Organisation</c>).</summary>
    public Organisation Organisation(string organisationId) => Pack(organisationId)!.Organisation;

    /// <summary>
    /// The section a message names outright: its full title ("Prinsipper for kommunikasjon › Aktiv og
    /// planlagt", what a "Mente du" button sends) or its own title when no other section of the organisation
    /// shares it. Compared without regard to case or spacing.
    /// </summary>
    public Section? SectionTitled(string text, string organisationId) =>
        _titles.TryGetValue(organisationId, out var titles) ? titles.Find(text) : null;

    /// <summary>A section's passages in reading order, as many as an answer cites.</summary>
    public IReadOnlyList<Passage> PassagesOf(Section section, string organisationId, int max) =>
        [.. Index.Passages.Where(p => p.OrganisationId == organisationId && p.Section.Id == section.Id).Take(max)];

    /// <summary>Further passages an answer offers beside the best one.</summary>
    public const int MaxFurther = 2;

    public RetrievalResult Search(string question, string organisationId, int maxFurther = MaxFurther)
    {
        // The whole message tells its language ("Hi!"); the question without greeting and thanks is searched for.
        var english = DetectLanguage(question) == Language.English;
        var asked = _frame.Strip(question);
        var words = Tokenizer.SplitFolded(asked);
        var query = WithoutSharedContext(Analysis.AnalyzeQuery(asked, english), words, organisationId);
        query = english ? query : WithExtensions(query);
        // What the question asks for is searched with its words, but does not count as a word of it: whether
        // its words are known or covered says how well the strategy answers, its kind only which passage.
        var searched = new AnalyzedQuery([.. query.Groups, .. _kinds.Of(words).Select(k => new QueryGroup(k, [new QueryAlternative(k, KindWeight, AlternativeKind.Kind)]))]);
        var scores = Index.Score(searched, organisationId);
        var groupWeights = searched.Groups.Select(GroupWeight).ToArray();
        var (perPassage, mutual, _) = QuestionMatches(searched, groupWeights, _questions.GetValueOrDefault(organisationId));
        var (_, uncoveredMatch, closestUncovered) = QuestionMatches(searched, groupWeights, _uncovered.GetValueOrDefault(organisationId));
        // A passage a closely matching stored question points at moves up: the department anticipated this question.
        var ranked = scores
            .Select(s => new KeyValuePair<int, PassageScore>(s.Key, s.Value with { Boost = 1 + QuestionBoost * perPassage.GetValueOrDefault(s.Key) }))
            .OrderByDescending(s => s.Value.Total).ThenBy(s => s.Key).ToList();
        var known = query.Groups.Select(g => g.Alternatives.Any(a => Index.Contains(a.Term))).ToArray();
        var unknownShare = query.Groups.Count == 0 ? 1 : (float)known.Count(k => !k) / query.Groups.Count;
        if (ranked.Count == 0)
        {
            return new RetrievalResult(question, organisationId, searched, [], 0f)
            {
                Features = ConfidenceModel.Signals(0, 0, 0, english, query.Groups.Count, asksForAFact: false, unknownShare, uncoveredMatch),
                UnknownShare = unknownShare,
                UncoveredMatch = uncoveredMatch,
                ClosestUncovered = closestUncovered?.Text,
            };
        }

        var wordWeights = groupWeights.AsSpan(0, query.Groups.Count).ToArray();
        var totalWeight = wordWeights.Sum();
        var best = ranked[0].Value;
        var coverage = totalWeight <= 0 ? 0 : wordWeights.Select((w, g) => w * best.GroupMatch[g]).Sum() / totalWeight;

        var results = new List<ScoredPassage> { Scored(ranked[0]) };
        foreach (var (passage, score) in ranked.Skip(1).Take(maxFurther))
        {
            if (score.Total >= FurtherPassageShare * best.Total)
            {
                results.Add(Scored((passage, score)));
            }
        }
        // Close sections for "Did you mean ...?" when the answer is refused.
        var suggestions = ranked.Select(r => Index.Passages[r.Key].Section).DistinctBy(s => s.Id).Take(3).ToList();
        var asking = FactPhrases.AskingSentences(asked);
        // Without a question mark the whole message is the asking part, already folded above.
        var askingWords = ReferenceEquals(asking, asked) ? words : Tokenizer.SplitFolded(asking);
        var bestPassage = Index.Passages[ranked[0].Key];
        var ask = _facts.Ask(askingWords, bestPassage.Text);
        var asksForAFact = ask == FactAsk.Lacking;
        var features = ConfidenceModel.Signals(mutual, coverage, best.Total, english, query.Groups.Count, asksForAFact, unknownShare, uncoveredMatch);
        return new RetrievalResult(question, organisationId, searched, results, coverage)
        {
            NamesAWordOfTheBestPassage = query.Groups is [{ } only] && !asksForAFact && Writes(bestPassage, only.Source) && !WrittenAlmostEverywhere(only),
            Features = features,
            Confidence = ConfidenceModel.Default.Probability(features),
            AsksForADetail = ask == FactAsk.Detail,
            NearestSections = suggestions,
            UnknownShare = unknownShare,
            MutualQuestionMatch = mutual,
            UncoveredMatch = uncoveredMatch,
            ClosestUncovered = closestUncovered?.Text,
        };
    }

    /// <summary>
    /// Whether the passage's text or title writes the typed word, or the word inflected ("taushetsplikt" in
    /// "taushetsplikten", "målgrupper" in "målgruppene"): they share all but the typed word's last letters, and
    /// at least five. Sharing a stem is not enough: "været" (the weather) and "Vær" (be) stem alike.
    /// </summary>
    private static bool Writes(Passage passage, string typed) =>
        Tokenizer.SplitFolded(passage.Text).Concat(Tokenizer.SplitFolded(passage.Section.FullTitle))
            .Any(written => written.AsSpan().CommonPrefixLength(typed) >= Math.Max(MinSharedLetters, typed.Length - MaxInflection));

    private const int MinSharedLetters = 5;

    /// <summary>
    /// The word is among the commonest of the index: half its passages or more hold it, in their text, titles
    /// or stored questions, counted over every organisation ("kommunen", "informasjon"). Which passage writes
    /// it best is then chance. The word as typed is looked up, not its translations or compound parts.
    /// </summary>
    private bool WrittenAlmostEverywhere(QueryGroup word) =>
        word.Alternatives is [{ } exact, ..] && Index.Idf(exact.Term) <= CommonWordIdf;

    /// <summary>The rarity (BM25's idf) of a word written in half of all passages: ln 2.</summary>
    private static readonly float CommonWordIdf = MathF.Log(2);

    /// <summary>How many letters at its end a typed word may have that the written word lacks or has otherwise ("-er" for "-ene").</summary>
    private const int MaxInflection = 2;

    /// <summary>
    /// Words every passage shares by context: "Tynset" in a question to Tynset's bot says nothing about which
    /// passage answers it, yet the name is rare enough to pull towards the few passages that repeat it; and
    /// "strategien" in "hva sier strategien om ..." names the document every passage belongs to. A question
    /// about the strategy itself ("er strategien et styringsverktøy?") keeps the word.
    /// </summary>
    private AnalyzedQuery WithoutSharedContext(AnalyzedQuery query, IReadOnlyList<string> questionWords, string organisationId)
    {
        if (!_ownNames.TryGetValue(organisationId, out var name))
        {
            return query;
        }
        // A phrase the lexicon reads may start with the name ("Totens Blad" is a newspaper): its concept stays.
        var kept = query.Groups
            .Select(g => !name.Contains(g.Alternatives[0].Term) ? g
                : g.Alternatives.Where(a => a.Kind == AlternativeKind.Concept).ToList() is { Count: > 0 } concepts ? g with { Alternatives = concepts } : null)
            .OfType<QueryGroup>().ToList();
        if (AsksWithinTheDocument(questionWords))
        {
            var aboutTopic = kept.Where(g => !DocumentWords.Contains(g.Alternatives[0].Term)).ToList();
            kept = aboutTopic.Count > 0 ? aboutTopic : kept;
        }
        return kept.Count == 0 ? query : new AnalyzedQuery(kept);
    }

    /// <summary>"... i strategien", "ifølge strategien", "... strategien ... om X", "the strategy ... about X" (folded words).</summary>
    private static bool AsksWithinTheDocument(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!DocumentWords.Contains(NorwegianStemmer.Stem(words[i])))
            {
                continue;
            }
            if (i > 0 && words[i - 1] is "i" or "in" or "ifolge" or "etter")
            {
                return true;
            }
            if (words.Skip(i + 1).Any(w => w is "om" or "about" or "regarding" or "angaende"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// How much asking the way a passage's stored questions ask counts in its score against a word of the
    /// question (in the match with a stored question it counts as a word). A kind is common ("may" marks
    /// most sections' questions), so its rarity keeps it small beside the words. On the six labelled
    /// question sets (687 answerable questions) it ranks 10 more right passages first (every set gained or
    /// held); 1.5 to 4 did about as well, and 1.5 moved the fewest refusals.
    /// </summary>
    private const float KindWeight = 1.5f;

    private const int MinExtensibleStem = 5;
    private const int MaxExtensionLetters = 4;
    private const float ExtensionWeight = 0.6f;

    private AnalyzedQuery WithExtensions(AnalyzedQuery query) => new(
        [.. query.Groups.Select(g => g with
        {
            Alternatives = [.. g.Alternatives, .. g.Alternatives
                .Where(a => a.Kind == AlternativeKind.Exact && a.Term.Length >= MinExtensibleStem)
                .SelectMany(a => Index.Extensions(a.Term, MaxExtensionLetters))
                .Where(t => g.Alternatives.All(a => a.Term != t))
                .Distinct(StringComparer.Ordinal)
                .Select(t => new QueryAlternative(t, ExtensionWeight, AlternativeKind.Extension))],
        })]);

    /// <summary>How much a question word matters: its rarity in the corpus, or the most a word can weigh if unknown.</summary>
    private float GroupWeight(QueryGroup group) => group.Alternatives.Select(a => a.Term).Where(Index.Contains).Select(Index.Idf).DefaultIfEmpty(Index.MaxIdf).Max();

    /// <summary>A term's inverse document frequency; a term no passage holds is as rare as a term can be.</summary>
    private float Rarity(string term) => Index.Contains(term) ? Index.Idf(term) : Index.MaxIdf;

    private ScoredPassage Scored(KeyValuePair<int, PassageScore> entry) => Scored((entry.Key, entry.Value));

    private ScoredPassage Scored((int Passage, PassageScore Score) entry) => new(Index.Passages[entry.Passage], entry.Score.Total);
}

/// <summary>
/// One organisation's sections by full title, and by own title where no other section shares it; compared
/// without regard to case, spacing or a closing punctuation mark ("Hvem har kommunikasjonsansvar?").
/// </summary>
internal sealed class SectionTitles
{
    private readonly Dictionary<string, Section> _full = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Section> _ownUnique = new(StringComparer.OrdinalIgnoreCase);

    public static SectionTitles Of(IEnumerable<Section> sections)
    {
        var titles = new SectionTitles();
        foreach (var section in sections)
        {
            titles._full.TryAdd(AsTitle(section.FullTitle), section);
        }
        foreach (var shared in sections.GroupBy(s => AsTitle(s.Title), StringComparer.OrdinalIgnoreCase))
        {
            if (shared.Count() == 1)
            {
                titles._ownUnique[shared.Key] = shared.First();
            }
        }
        return titles;
    }

    /// <summary>A full title wins over an own title: it names one section.</summary>
    public Section? Find(string text)
    {
        var wanted = AsTitle(text);
        return _full.GetValueOrDefault(wanted) ?? _ownUnique.GetValueOrDefault(wanted);
    }

    private static string AsTitle(string text) => ContentPackLoader.Normalise(text).TrimEnd('?', '.', '!', ' ');
}

/// <summary>One organisation's stored questions, and for each word the questions holding it.</summary>
internal sealed class StoredQuestions
{
    private readonly Dictionary<string, int[]> _byTerm;

    public StoredQuestions(StoredQuestion[] all)
    {
        All = all;
        _byTerm = all.SelectMany((question, index) => question.Weights.Keys.Select(term => (term, index)))
            .GroupBy(x => x.term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.index).ToArray(), StringComparer.Ordinal);
    }

    public StoredQuestion[] All { get; }

    public IReadOnlyList<int> Containing(string term) => _byTerm.GetValueOrDefault(term) ?? [];
}

/// <summary>An alternate or uncovered question, its words each with its rarity, and the passages it speaks for (none for an uncovered one).</summary>
internal sealed record StoredQuestion(string Text, Dictionary<string, float> Weights, int[] Passages)
{
    public float TotalWeight { get; } = Weights.Values.Sum();
}

/// <summary>A passage and its score for one question.</summary>
internal sealed record ScoredPassage(Passage Passage, float Score);

/// <summary>The ranked passages for a question and how much of the question the best one covers (0–1).</summary>
internal sealed record RetrievalResult(string Question, string OrganisationId, AnalyzedQuery Query, IReadOnlyList<ScoredPassage> Passages, float Coverage)
{
    public IReadOnlyList<StrategiBot.Content.Section> NearestSections { get; init; } = [];

    public float BestScore => Passages.Count == 0 ? 0 : Passages[0].Score;

    /// <summary>The share of question words no strategy, lexicon or spelling variant knows.</summary>
    public float UnknownShare { get; init; }

    /// <summary>
    /// How closely the question and the closest stored question match each other (0–1): the harmonic mean of
    /// how much of the question the stored one covers and how much of the stored one the question covers. A
    /// one-word question inside a long stored question covers little of it.
    /// </summary>
    public float MutualQuestionMatch { get; init; }

    /// <summary>
    /// How closely the question and the closest of its organisation's uncovered questions match each other
    /// (0–1, measured as <see cref="MutualQuestionMatch"/>): asked much like a question the strategy is known
    /// not to answer.
    /// </summary>
    public float UncoveredMatch { get; init; }

    /// <summary>The uncovered question <see cref="UncoveredMatch"/> measures, for <c>ask --explain</c>; null when none shares a word.</summary>
    public string? ClosestUncovered { get; init; }

    /// <summary>
    /// How likely it is that the strategy answers the question (0–1), from <see cref="ConfidenceModel"/>:
    /// 0 when nothing matched at all.
    /// </summary>
    public float Confidence { get; init; }

    /// <summary>
    /// The question has one meaningful word once stop words are set aside ("taushetsplikt", "hva med
    /// målgrupper?"), and the best passage writes it (<c>Writes</c>). A one-word question matches little of
    /// any stored question and scores low, so the model, fitted on sentences, doubts it; but the word is in
    /// the strategy, and the passage that uses it is what someone typing it looks for. Not when the question
    /// asks for a name or number the passage lacks ("Kven er ordførar?"), nor when half the passages or more
    /// hold the word ("kommunen").
    /// </summary>
    public bool NamesAWordOfTheBestPassage { get; init; }

    /// <summary>
    /// The question asks for a detail no strategy holds, such as the graphic profile's colour codes
    /// (<see cref="Analysis.FactKind.Detail"/>): refused whatever its confidence, which still decides
    /// whether the nearest sections are offered, since they say where the rule behind the detail is.
    /// </summary>
    public bool AsksForADetail { get; init; }

    /// <summary>The signals <see cref="Confidence"/> was computed from, for fitting the model.</summary>
    public IReadOnlyList<float> Features { get; init; } = [];
}
