using StrategiBot.Content;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Retrieval;

/// <summary>
/// BM25F over three fields of every passage: its text, its section's titles, and the section's alternate
/// questions (with what each asks for, <see cref="QuestionKinds"/>). Document frequencies are counted over all organisations' passages (more text, steadier
/// weights); a search ranks one organisation's passages only.
/// </summary>
internal sealed class PassageIndex
{
    private const float K1 = 1.2f;
    private static readonly FieldSettings[] Fields =
    [
        new(1.0f, 0.75f), // text
        new(1.6f, 0.3f),  // section title and its chapter titles
        new(1.6f, 0.5f),  // alternate questions of the section
        new(0.7f, 0.75f), // parts of compounds in the text and titles
    ];

    private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
    private readonly int[][] _fieldLengths;
    private readonly float[] _averageFieldLength = new float[Fields.Length];
    private readonly Dictionary<string, int[]> _passagesByOrganisation;

    /// <param name="kinds">What questions ask for; a stored question's kinds are among its terms (none when null).</param>
    public PassageIndex(IReadOnlyList<ContentPack> packs, AnalysisPipeline analysis, QuestionKinds? kinds = null)
    {
        Analysis = analysis;
        _kinds = kinds ?? QuestionKinds.Empty;
        var passages = new List<Passage>();
        var lengths = new List<int[]>();
        // The alternate questions are most of the analysis at start-up, and each is analysed on its own.
        var analysed = packs.SelectMany(p => p.Questions.Values).SelectMany(q => q).AsParallel()
            .Select(question => (Question: question, Indexed: new IndexedQuestion(QuestionTerms(question.Text), [])));
        foreach (var (question, indexed) in analysed)
        {
            _questions[question] = indexed;
        }
        foreach (var pack in packs)
        {
            foreach (var (section, text, line) in PassageBuilder.Cut(pack.Strategy))
            {
                var passage = new Passage(passages.Count, pack.Organisation.Id, section, text, line);
                passages.Add(passage);
                var normalised = ContentPackLoader.Normalise(text);
                var questions = new List<string>();
                if (pack.Questions.TryGetValue(section.Id, out var q))
                {
                    foreach (var question in q.Where(x => x.About is null || normalised.Contains(x.About, StringComparison.Ordinal)))
                    {
                        var indexed = _questions[question];
                        questions.AddRange(indexed.Terms);
                        indexed.Passages.Add(passage.Index);
                    }
                }
                var parts = new List<string>();
                var fields = new[]
                {
                    analysis.AnalyzeDocument(text, parts),
                    analysis.AnalyzeDocument(section.FullTitle, parts),
                    questions,
                    parts,
                };
                lengths.Add([.. fields.Select(f => f.Count)]);
                var counts = new Dictionary<string, float[]>(StringComparer.Ordinal);
                for (var f = 0; f < fields.Length; f++)
                {
                    foreach (var term in fields[f])
                    {
                        if (!counts.TryGetValue(term, out var perField))
                        {
                            counts[term] = perField = new float[Fields.Length];
                        }
                        perField[f]++;
                    }
                }
                foreach (var (term, perField) in counts)
                {
                    if (!_postings.TryGetValue(term, out var list))
                    {
                        _postings[term] = list = [];
                    }
                    list.Add(new Posting(passage.Index, perField));
                }
            }
        }
        Passages = passages;
        _fieldLengths = [.. lengths];
        for (var f = 0; f < Fields.Length; f++)
        {
            _averageFieldLength[f] = Math.Max(1f, (float)lengths.Average(l => l[f]));
        }
        _passagesByOrganisation = passages.GroupBy(p => p.OrganisationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray(), StringComparer.Ordinal);
        MaxIdf = Idf(0);
        _sortedTerms = [.. _postings.Keys.Order(StringComparer.Ordinal)];
    }

    private readonly string[] _sortedTerms;

    private readonly QuestionKinds _kinds;

    /// <summary>A stored question's index terms: its words analysed, and what it asks for (who, how, may I ...).</summary>
    public List<string> QuestionTerms(string text)
    {
        var words = Tokenizer.SplitFolded(text);
        return [.. Analysis.AnalyzeFolded(words), .. _kinds.Of(words)];
    }

    // A section's alternate questions speak for each of its passages; analysed once, not once per passage.
    private readonly Dictionary<AlternateQuestion, IndexedQuestion> _questions = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// An alternate question of the indexed packs: its index terms, analysed once at start-up, and the passages
    /// it speaks for (its section's, or the one holding its quote), in reading order.
    /// </summary>
    public (IReadOnlyList<string> Terms, IReadOnlyList<int> Passages) Question(AlternateQuestion question)
    {
        var indexed = _questions[question];
        return (indexed.Terms, indexed.Passages);
    }

    private sealed record IndexedQuestion(List<string> Terms, List<int> Passages);

    /// <summary>
    /// Index terms that extend <paramref name="stem"/> by a few letters: the light stemmer leaves derivation
    /// alone, so "kommentere" (komment) should still reach "kommentarer" (kommentar).
    /// </summary>
    public IEnumerable<string> Extensions(string stem, int maxExtraLetters)
    {
        var start = Array.BinarySearch(_sortedTerms, stem, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start + 1; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(stem, StringComparison.Ordinal); i++)
        {
            if (_sortedTerms[i].Length - stem.Length <= maxExtraLetters)
            {
                yield return _sortedTerms[i];
            }
        }
    }

    public IReadOnlyList<Passage> Passages { get; }

    public AnalysisPipeline Analysis { get; }

    /// <summary>The weight of a word no passage contains: as rare as a word can be.</summary>
    public float MaxIdf { get; }

    public bool HasOrganisation(string organisationId) => _passagesByOrganisation.ContainsKey(organisationId);

    public float Idf(string term) => Idf(_postings.TryGetValue(term, out var list) ? list.Count : 0);

    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>
    /// Scores one organisation's passages: per question group the best of its alternatives, summed.
    /// Returns per passage the score and, per group, how strongly it matched (0 = not at all).
    /// </summary>
    public Dictionary<int, PassageScore> Score(AnalyzedQuery query, string organisationId)
    {
        var scores = new Dictionary<int, PassageScore>();
        if (!_passagesByOrganisation.TryGetValue(organisationId, out var allowed))
        {
            return scores;
        }
        var first = allowed[0];
        var last = allowed[^1];
        for (var g = 0; g < query.Groups.Count; g++)
        {
            var group = query.Groups[g];
            foreach (var alternative in group.Alternatives)
            {
                if (!_postings.TryGetValue(alternative.Term, out var postings))
                {
                    continue;
                }
                var idf = Idf(postings.Count);
                foreach (var posting in postings)
                {
                    if (posting.Passage < first || posting.Passage > last)
                    {
                        continue;
                    }
                    var value = alternative.Weight * idf * Saturate(posting);
                    if (!scores.TryGetValue(posting.Passage, out var score))
                    {
                        scores[posting.Passage] = score = new PassageScore(new float[query.Groups.Count], new float[query.Groups.Count]);
                    }
                    if (value > score.GroupScores[g])
                    {
                        score.GroupScores[g] = value;
                        score.GroupMatch[g] = Math.Max(score.GroupMatch[g], alternative.Weight);
                    }
                }
            }
        }
        return scores;
    }

    private float Saturate(Posting posting)
    {
        var lengths = _fieldLengths[posting.Passage];
        var combined = 0f;
        for (var f = 0; f < Fields.Length; f++)
        {
            if (posting.Frequencies[f] > 0)
            {
                var norm = 1 - Fields[f].B + Fields[f].B * lengths[f] / _averageFieldLength[f];
                combined += Fields[f].Weight * posting.Frequencies[f] / norm;
            }
        }
        return combined / (K1 + combined);
    }

    private float Idf(int documentFrequency) =>
        MathF.Log(1 + (Passages.Count - documentFrequency + 0.5f) / (documentFrequency + 0.5f));

    private readonly record struct FieldSettings(float Weight, float B);

    private readonly record struct Posting(int Passage, float[] Frequencies);
}

/// <summary>A passage's score per question group and how strongly each group matched.</summary>
internal sealed record PassageScore(float[] GroupScores, float[] GroupMatch)
{
    /// <summary>A multiplier from outside the index (the closest stored question); 1 leaves the score as it is.</summary>
    public float Boost { get; init; } = 1;

    public float Total => GroupScores.Sum() * Boost;
}
