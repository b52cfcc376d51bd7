using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Conversation;

/// <summary>Content an organisation has by id (a dialog, a checklist), with the phrases that start it.</summary>
internal interface ICatalogued
{
    string OrganisationId { get; }

    string Id { get; }

    IReadOnlyList<string> Triggers { get; }
}

/// <summary>
/// Loaded content by organisation and id, and trigger matching: a phrase matches a message when each of its
/// meaningful words (after the bot's Norwegian analysis) appears in the message, inflected or not, in any order.
/// </summary>
internal class OrganisationCatalog<T> where T : class, ICatalogued
{
    private const int MinPrefix = 4;

    private readonly Dictionary<(string Organisation, string Id), T> _byId = [];
    private readonly List<(T Target, string[] Stems)> _triggers = [];
    public OrganisationCatalog(IReadOnlyList<T> items, AnalysisPipeline analysis)
    {
        foreach (var item in items)
        {
            _byId[(item.OrganisationId, item.Id)] = item;
            foreach (var trigger in item.Triggers)
            {
                // The phrase's own words; a compound's parts come with them in a message (MessageWords.All).
                var stems = analysis.AnalyzeMessage(trigger).Stems.Distinct(StringComparer.Ordinal).ToArray();
                if (stems.Length > 0)
                {
                    _triggers.Add((item, stems));
                }
            }
        }
        All = items;
    }

    public IReadOnlyList<T> All { get; }

    public IReadOnlyList<T> For(string organisationId) => [.. All.Where(i => i.OrganisationId == organisationId)];

    public T? Find(string organisationId, string id) => _byId.GetValueOrDefault((organisationId, id));

    /// <summary>
    /// The item whose trigger the message matches with the most words, if any. <paramref name="words"/> is
    /// the message analysed with the pipeline the catalog was built with (<see cref="AnalysisPipeline.AnalyzeMessage"/>),
    /// so a message checked against several catalogs is analysed once.
    /// </summary>
    /// <remarks>
    /// A trigger left with one meaningful word ("kan jeg legge ut dette", "can I post this") is matched only
    /// by a short message holding that very word: read loosely, "legge" would be found in "innlegg" and
    /// "post" in "e-postadresse", and any long question mentioning it would start a dialog instead of
    /// getting its answer.
    /// </remarks>
    public T? MatchTrigger(string organisationId, MessageWords words)
    {
        return _triggers
            .Where(t => t.Target.OrganisationId == organisationId && Matches(t.Stems, words))
            .OrderByDescending(t => t.Stems.Length)
            .Select(t => t.Target)
            .FirstOrDefault();
    }

    /// <summary>The most meaningful words a message may have for a one-word trigger to start something.</summary>
    private const int MaxWordsForOneWordTrigger = 2;

    private static bool Matches(string[] stems, MessageWords words) =>
        stems.Length == 1
            ? words.Stems.Count <= MaxWordsForOneWordTrigger && words.Stems.Contains(stems[0], StringComparer.Ordinal)
            : stems.All(s => words.All.Any(w => SameWord(w, s)));

    // "ringte" and "ringer" stem differently (ringt, ring): words that share a beginning of four letters and
    // differ by an ending of at most three are the same word here. Not more: "kommun" (kommunens) is no
    // "kommunikasjonsplan", nor "post" a "postadresse".
    private const int MaxEnding = 3;

    private static bool SameWord(string word, string stem) =>
        word == stem
        || (Math.Min(word.Length, stem.Length) >= MinPrefix && Math.Abs(word.Length - stem.Length) <= MaxEnding
            && (word.StartsWith(stem, StringComparison.Ordinal) || stem.StartsWith(word, StringComparison.Ordinal)))
        || SameEnglishWord(word, stem);

    // The Norwegian stemmer leaves English endings alone, and "calling" and "called" share no prefix the rule
    // above accepts: they are the same word when both can be inflections of one base form ("call").
    private static bool SameEnglishWord(string word, string stem) =>
        BaseForms(word).Intersect(BaseForms(stem), StringComparer.Ordinal).Any(b => b.Length >= MinPrefix);

    private static IEnumerable<string> BaseForms(string word) => EnglishInflection.BaseFormCandidates(word).Prepend(word);
}
