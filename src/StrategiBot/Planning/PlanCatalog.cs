using StrategiBot.Conversation;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Planning;

/// <summary>The loaded plan forms and the phrases that open them, matched like dialog triggers.</summary>
internal sealed class PlanCatalog(IReadOnlyList<PlanForm> forms, AnalysisPipeline analysis)
    : OrganisationCatalog<PlanForm>(forms, analysis)
{
    /// <summary>The form the <c>kommunikasjonsplan</c> command opens.</summary>
    public const string CommunicationPlan = "kommunikasjonsplan";
}
