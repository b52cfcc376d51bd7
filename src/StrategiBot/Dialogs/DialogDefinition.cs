using StrategiBot.Content;
using StrategiBot.Conversation;

namespace StrategiBot.Dialogs;

/// <summary>A guided dialog as the communication department wrote it in <c>dialogs/&lt;org&gt;/&lt;id&gt;.yaml</c>, checked and resolved.</summary>
internal sealed record DialogDefinition(
    string OrganisationId,
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Triggers,
    string Start,
    IReadOnlyDictionary<string, DialogStep> Steps,
    IReadOnlyDictionary<string, DialogOutcome> Outcomes) : ICatalogued;

/// <summary>A question with its choices.</summary>
internal sealed record DialogStep(string Id, string Question, IReadOnlyList<DialogChoice> Choices, int Line);

/// <summary>A button: it leads to another step or to an outcome.</summary>
internal sealed record DialogChoice(string Id, string Label, string? Next, string? Outcome);

/// <summary>Where a dialog ends: the guidance in plain words and the strategy text it rests on.</summary>
internal sealed record DialogOutcome(
    string Id,
    string Title,
    string Guidance,
    IReadOnlyList<StrategyCitation> Cites,
    bool Contact,
    ChecklistLink? Checklist,
    int Line);

/// <summary>The checklist an outcome offers, checked against the organisation's checklists when loaded.</summary>
internal sealed record ChecklistLink(string Id, string Title);
