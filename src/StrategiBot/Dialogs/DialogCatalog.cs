using StrategiBot.Conversation;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Dialogs;

/// <summary>The loaded dialogs and the trigger phrases that start them.</summary>
internal sealed class DialogCatalog(IReadOnlyList<DialogDefinition> dialogs, AnalysisPipeline analysis)
    : OrganisationCatalog<DialogDefinition>(dialogs, analysis);
