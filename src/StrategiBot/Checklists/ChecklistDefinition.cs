using StrategiBot.Content;
using StrategiBot.Conversation;

namespace StrategiBot.Checklists;

/// <summary>A checklist as the communication department wrote it in <c>dialogs/&lt;org&gt;/sjekklister/&lt;id&gt;.yaml</c>, checked and resolved.</summary>
internal sealed record ChecklistDefinition(
    string OrganisationId,
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Triggers,
    string Done,
    IReadOnlyList<ChecklistItem> Items) : ICatalogued;

/// <summary>One thing to check, with the rule it comes from (shown on demand, quoted verbatim).</summary>
internal sealed record ChecklistItem(string Id, string Text, string? Heading, StrategyCitation Source);
