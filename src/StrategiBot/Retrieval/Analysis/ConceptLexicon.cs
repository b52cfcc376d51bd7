using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Words people use mapped to the words the strategy uses (bokmål, nynorsk, English), from
/// <c>lexicon/concepts.yaml</c>. A question word (or phrase) found among a concept's <c>people</c> or
/// <c>strategy</c> words brings in the concept's <c>strategy</c> words as weaker alternatives.
/// </summary>
internal sealed class ConceptLexicon
{
    private readonly List<Concept> _concepts;
    private readonly Dictionary<string, List<(Trigger Trigger, Concept Concept)>> _byFirstWord;

    private ConceptLexicon(List<Concept> concepts, Dictionary<string, List<(Trigger Trigger, Concept Concept)>> byFirstWord)
    {
        _concepts = concepts;
        _byFirstWord = byFirstWord;
    }

    private ConceptLexicon(List<Concept> concepts)
    {
        _concepts = concepts;
        _byFirstWord = new(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            foreach (var trigger in concept.Triggers)
            {
                if (!_byFirstWord.TryGetValue(trigger.Stems[0], out var list))
                {
                    _byFirstWord[trigger.Stems[0]] = list = [];
                }
                list.Add((trigger, concept));
            }
        }
    }

    public IReadOnlyList<Concept> Concepts => _concepts;

    /// <summary>Every word the lexicon names, folded but not stemmed: words the bot knows even if no strategy uses them.</summary>
    public IReadOnlyCollection<string> Words { get; private init; } = [];

    public static ConceptLexicon Empty { get; } = new([]);

    /// <summary>
    /// Concepts that only English questions trigger (<see cref="EnglishGlossary"/>): an English word is often a
    /// Norwegian word of another meaning ("side", "time", "like"), so a Norwegian question never reads them.
    /// </summary>
    public ConceptLexicon? English { get; private init; }

    /// <summary>The lexicon folder as the bot loads it: <c>concepts.yaml</c> and <c>english.tsv</c>, each if present.</summary>
    public static ConceptLexicon LoadFolder(string folder, StopWords stopWords)
    {
        var conceptsPath = Path.Combine(folder, "concepts.yaml");
        var lexicon = File.Exists(conceptsPath) ? Load(conceptsPath) : Empty;
        var glossaryPath = Path.Combine(folder, "english.tsv");
        return File.Exists(glossaryPath) ? lexicon.WithEnglish(EnglishGlossary.Load(glossaryPath, stopWords)) : lexicon;
    }

    /// <summary>This lexicon with <paramref name="english"/> beside it; the concepts and their trigger index are shared, not rebuilt.</summary>
    public ConceptLexicon WithEnglish(ConceptLexicon english) =>
        new(_concepts, _byFirstWord) { Words = Words, English = english };

    internal static ConceptLexicon FromConcepts(List<Concept> concepts, IReadOnlyCollection<string> words) => new(concepts) { Words = words };

    public static ConceptLexicon Load(string path)
    {
        List<ConceptModel>? models;
        try
        {
            using var reader = File.OpenText(path);
            models = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<List<ConceptModel>>(reader);
        }
        catch (YamlException ex)
        {
            throw new ContentException(path, (int)ex.Start.Line, (ex.InnerException ?? ex).Message);
        }
        var lines = File.ReadAllLines(path);
        var concepts = new List<Concept>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models ?? [])
        {
            var line = Array.FindIndex(lines, l => l.Contains("concept: " + model.Concept, StringComparison.Ordinal)) + 1;
            if (string.IsNullOrWhiteSpace(model.Concept))
            {
                throw new ContentException(path, line, "every entry needs 'concept'.");
            }
            if (!ids.Add(model.Concept))
            {
                throw new ContentException(path, line, $"the concept '{model.Concept}' is defined twice.");
            }
            if (model.Strategy is not { Count: > 0 })
            {
                throw new ContentException(path, line, $"the concept '{model.Concept}' needs at least one 'strategy' word.");
            }
            var strategy = Triggers(model.Strategy);
            concepts.Add(new Concept(
                model.Concept,
                [.. strategy.SelectMany(t => t.Stems).Distinct(StringComparer.Ordinal)],
                [.. strategy, .. Triggers(model.People ?? [])],
                model.Weight ?? 0.6f));
        }
        var words = concepts.SelectMany(c => c.Triggers).SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);
        return new ConceptLexicon(concepts) { Words = words };
    }

    /// <summary>The concepts a question's folded words trigger, each with the span of words that triggered it.</summary>
    /// <param name="foldedStems">The question's words as folded stems.</param>
    /// <param name="englishWords">
    /// An English question's folded words, unstemmed. The Norwegian stemmer turns English trigger words into
    /// other English words ("care" -> "car", so "cars" too), so a question word meets an English trigger word
    /// (one the glossary lists as English) only as the word itself or an inflection of it either way
    /// ("services" for "service", "service" for "services"); Norwegian triggers ("servicen") match by stem.
    /// </param>
    public IEnumerable<(Concept Concept, int Start, int Length)> Match(IReadOnlyList<string> foldedStems, IReadOnlyList<string>? englishWords = null)
    {
        for (var i = 0; i < foldedStems.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(foldedStems[i], out var candidates))
            {
                continue;
            }
            foreach (var (trigger, concept) in candidates)
            {
                if (Tokenizer.PhraseAt(foldedStems, i, trigger.Stems) && (englishWords is null || Fits(englishWords, i, trigger.Words)))
                {
                    yield return (concept, i, trigger.Stems.Length);
                }
            }
        }
    }

    /// <summary>Each entry folded once, and stemmed from that, the same form <see cref="Normalise"/> gives.</summary>
    private static List<Trigger> Triggers(IEnumerable<string> entries) =>
        [.. entries.Select(entry => Tokenizer.SplitFolded(entry).ToArray())
            .Where(words => words.Length > 0)
            .Select(words => new Trigger([.. words.Select(NorwegianStemmer.Stem)], words))];

    private bool Fits(IReadOnlyList<string> words, int start, string[] triggerWords)
    {
        if (English is null || triggerWords.Length == 0)
        {
            return true;
        }
        for (var k = 0; k < triggerWords.Length; k++)
        {
            var (word, trigger) = (words[start + k], triggerWords[k]);
            var inflection = word == trigger
                || EnglishInflection.BaseFormCandidates(word).Contains(trigger)
                || EnglishInflection.BaseFormCandidates(trigger).Contains(word);
            if (!inflection && English.Words.Contains(trigger))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Entries are compared as folded stems, the same form the index holds.</summary>
    internal static string[] Normalise(string entry) =>
        [.. Tokenizer.Split(entry).Select(w => NorwegianStemmer.Stem(LetterFolding.Fold(w)))];

    private sealed class ConceptModel
    {
        public string? Concept { get; set; }
        public List<string>? Strategy { get; set; }
        public List<string>? People { get; set; }
        public float? Weight { get; set; }
    }
}

/// <summary>A concept: the strategy's own words for it, and every word or phrase that triggers it.</summary>
internal sealed record Concept(string Id, IReadOnlyList<string> StrategyTerms, IReadOnlyList<Trigger> Triggers, float Weight);

/// <summary>
/// A word or phrase that triggers a concept: as folded stems, which is how it is matched, and as written
/// (folded, not stemmed; empty where the stems are all there is), which English questions also check.
/// </summary>
internal sealed record Trigger(string[] Stems, string[] Words);
