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
    IReadOnlyDictionary<string, DialogOutcome> Outcomes) : ICatalogued
{
    /// <summary>The language of this definition's texts (titles, questions, labels, guidance).</summary>
    public Language Language { get; init; } = Language.Norwegian;

    /// <summary>The same dialog with its English texts, when its file has them; the cited strategy stays Norwegian.</summary>
    public DialogDefinition? English { get; init; }

    /// <summary>
    /// This dialog, as loaded, in <paramref name="language"/> where its file has that language, otherwise in
    /// bokmål. Steps, choices and outcomes keep their ids, so a stored position holds in either language.
    /// </summary>
    public DialogDefinition In(Language language) => language == Language.English && English is not null ? English : this;
}

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
