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
    IReadOnlyList<ChecklistItem> Items) : ICatalogued
{
    /// <summary>The language of this definition's texts (title, description, items, closing line).</summary>
    public Language Language { get; init; } = Language.Norwegian;

    /// <summary>The same checklist with its English texts, when its file has them; the cited rules stay Norwegian.</summary>
    public ChecklistDefinition? English { get; init; }

    /// <summary>
    /// This checklist in <paramref name="language"/> where its file has that language, otherwise in bokmål.
    /// Items keep their ids, so saved ticks hold in either language.
    /// </summary>
    public ChecklistDefinition In(Language language) => language == Language.English && English is not null ? English : this;

    /// <summary>The title a list or button shows to someone asking in <paramref name="language"/>: marked "(in Norwegian)" where it opens in bokmål for them.</summary>
    public string TitleFor(Language language) =>
        language == Language.English ? English?.Title ?? $"{Title} (in Norwegian)" : Title;
}

/// <summary>One thing to check, with the rule it comes from (shown on demand, quoted verbatim).</summary>
internal sealed record ChecklistItem(string Id, string Text, string? Heading, StrategyCitation Source);
