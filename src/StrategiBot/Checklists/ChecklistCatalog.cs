using StrategiBot.Conversation;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Checklists;

/// <summary>The loaded checklists by organisation, and the phrases that open them.</summary>
internal sealed class ChecklistCatalog(IReadOnlyList<ChecklistDefinition> checklists, AnalysisPipeline analysis)
    : OrganisationCatalog<ChecklistDefinition>(checklists, analysis);
