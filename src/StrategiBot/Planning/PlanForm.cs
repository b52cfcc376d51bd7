namespace StrategiBot.Planning;

/// <summary>
/// A plan form as the communication department wrote it in <c>dialogs/&lt;org&gt;/forms/&lt;id&gt;.yaml</c>:
/// groups of fields under the template's own headings, checked against the strategy it comes from.
/// </summary>
internal sealed record PlanForm(
    string OrganisationId,
    string Id,
    string Title,
    string Intro,
    string? EnglishIntro,
    IReadOnlyList<PlanSource> Sources,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<PlanGroup> Groups) : Conversation.ICatalogued
{
    public IEnumerable<PlanField> Fields => Groups.SelectMany(g => g.Fields);

    /// <summary>The intro in <paramref name="language"/>; the bokmål one where the form has no English.</summary>
    public string IntroIn(Conversation.Language language) => language == Conversation.Language.English && EnglishIntro is not null ? EnglishIntro : Intro;

    /// <summary>The first single-line text field names the plan (the project's name in the templates).</summary>
    public PlanField? NameField => Fields.FirstOrDefault(f => f.Kind == PlanFieldKind.Text);
}

/// <summary>A section of the strategy the form is built from, cited under the finished plan.</summary>
internal sealed record PlanSource(string SectionId, string Title);

/// <summary>A heading of the template with its fields.</summary>
internal sealed record PlanGroup(string Heading, string? Help, IReadOnlyList<PlanField> Fields);

internal sealed record PlanField(
    string Id,
    string Label,
    string? Help,
    PlanFieldKind Kind,
    bool Required,
    int MaxLength,
    IReadOnlyList<PlanChoice> Choices)
{
    /// <summary>What a choice field's stored ids read as, or the text as typed.</summary>
    public string Display(string value) => Kind is PlanFieldKind.Choice or PlanFieldKind.Choices
        ? string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Choices.FirstOrDefault(c => c.Id == id)?.Title ?? id))
        : value;
}

internal enum PlanFieldKind
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several lines of text.</summary>
    Multiline,
    /// <summary>One of the choices.</summary>
    Choice,
    /// <summary>Any number of the choices (at least one when required).</summary>
    Choices,
}

internal sealed record PlanChoice(string Id, string Title);
