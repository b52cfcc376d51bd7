using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Dialogs;

/// <summary>
/// The loaded dialogs and what starts them. A trigger phrase matches a message when each of its meaningful
/// words (after the bot's Norwegian analysis) appears in the message, inflected or not, in any order.
/// </summary>
internal sealed class DialogCatalog
{
    private const int MinPrefix = 4;

    private readonly Dictionary<(string Organisation, string Id), DialogDefinition> _byId = [];
    private readonly List<(DialogDefinition Dialog, string[] Stems)> _triggers = [];
    private readonly AnalysisPipeline _analysis;

    public DialogCatalog(IReadOnlyList<DialogDefinition> dialogs, AnalysisPipeline analysis)
    {
        _analysis = analysis;
        foreach (var dialog in dialogs)
        {
            _byId[(dialog.OrganisationId, dialog.Id)] = dialog;
            foreach (var trigger in dialog.Triggers)
            {
                var stems = analysis.AnalyzeDocument(trigger).Distinct(StringComparer.Ordinal).ToArray();
                if (stems.Length > 0)
                {
                    _triggers.Add((dialog, stems));
                }
            }
        }
        All = dialogs;
    }

    public IReadOnlyList<DialogDefinition> All { get; }

    public DialogDefinition? Find(string organisationId, string dialogId) => _byId.GetValueOrDefault((organisationId, dialogId));

    /// <summary>The dialog whose trigger the message matches with the most words, if any.</summary>
    public DialogDefinition? MatchTrigger(string organisationId, string text)
    {
        var words = _analysis.AnalyzeDocument(text);
        return _triggers
            .Where(t => t.Dialog.OrganisationId == organisationId && t.Stems.All(s => words.Any(w => SameWord(w, s))))
            .OrderByDescending(t => t.Stems.Length)
            .Select(t => t.Dialog)
            .FirstOrDefault();
    }

    // "ringte" and "ringer" stem differently (ringt, ring); a shared beginning of four letters is the same word here.
    internal static bool SameWord(string word, string stem) =>
        word == stem
        || (stem.Length >= MinPrefix && word.StartsWith(stem, StringComparison.Ordinal))
        || (word.Length >= MinPrefix && stem.StartsWith(word, StringComparison.Ordinal));
}
