namespace StrategiBot.Answering;

/// <summary>A quotation from the strategy: which organisation, which section, and the passage verbatim.</summary>
internal sealed record Citation(string OrganisationId, string SectionId, string SectionTitle, string Text);

/// <summary>
/// The answer to a question: the cited passages (best first) when the strategy covers it; otherwise no
/// citations, the nearest sections to suggest, and the contact to turn to.
/// </summary>
internal sealed record Answer(
    string Question,
    string OrganisationId,
    bool Answered,
    float Confidence,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<SectionSuggestion> Suggestions);

/// <summary>A section offered as "Mente du …?".</summary>
internal sealed record SectionSuggestion(string SectionId, string Title);
