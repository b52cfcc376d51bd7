using StrategiBot.Dialogs;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Planning;

/// <summary>The loaded plan forms and the phrases that open them, matched like dialog triggers.</summary>
internal sealed class PlanCatalog
{
    /// <summary>The form the <c>kommunikasjonsplan</c> command opens.</summary>
    public const string CommunicationPlan = "kommunikasjonsplan";

    private readonly Dictionary<(string Organisation, string Id), PlanForm> _byId = [];
    private readonly List<(PlanForm Form, string[] Stems)> _triggers = [];
    private readonly AnalysisPipeline _analysis;

    public PlanCatalog(IReadOnlyList<PlanForm> forms, AnalysisPipeline analysis)
    {
        _analysis = analysis;
        foreach (var form in forms)
        {
            _byId[(form.OrganisationId, form.Id)] = form;
            _triggers.AddRange(form.Triggers
                .Select(t => (form, analysis.AnalyzeDocument(t).Distinct(StringComparer.Ordinal).ToArray()))
                .Where(t => t.Item2.Length > 0));
        }
        All = forms;
    }

    public IReadOnlyList<PlanForm> All { get; }

    public PlanForm? Find(string organisationId, string formId) => _byId.GetValueOrDefault((organisationId, formId));

    /// <summary>The form whose trigger phrase the message contains (every meaningful word, any order).</summary>
    public PlanForm? MatchTrigger(string organisationId, string text)
    {
        var words = _analysis.AnalyzeDocument(text);
        return _triggers
            .Where(t => t.Form.OrganisationId == organisationId && t.Stems.All(s => words.Any(w => DialogCatalog.SameWord(w, s))))
            .Select(t => t.Form)
            .FirstOrDefault();
    }
}
