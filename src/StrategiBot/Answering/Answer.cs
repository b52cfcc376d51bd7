namespace StrategiBot.Answering;

/// <summary>A quotation from the strategy: which organisation, which section, and the passage verbatim.</summary>
internal sealed record Citation(string OrganisationId, string SectionId, string SectionTitle, string Text)
{
    /// <summary>
    /// The passage's first words, quoted ("«Henvendelser fra media skal møtes …»"): what tells two passages of
    /// one section apart where there is only room for a line.
    /// </summary>
    public string Opening(int maxLength)
    {
        var first = Text.Split('\n', 2)[0].TrimStart('-', '*', '•', ' ');
        var number = first.IndexOf(". ", StringComparison.Ordinal);
        if (number is > 0 and <= 3 && first[..number].All(char.IsAsciiDigit))
        {
            first = first[(number + 2)..];
        }
        return $"«{TextCut.AtWord(first, maxLength)}»";
    }
}

/// <summary>Text cut to fit where there is room for a line: between words, with an ellipsis.</summary>
internal static class TextCut
{
    public static string AtWord(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        // A space too near the start would leave a stub; then the cut falls at the limit, inside a word.
        var cut = text.LastIndexOf(' ', maxLength);
        return text[..(cut > maxLength / 2 ? cut : maxLength)].TrimEnd(' ', ',', ';', ':', '–', '-') + " …";
    }
}

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
    IReadOnlyList<SectionSuggestion> Suggestions)
{
    /// <summary>Answered, but unsure enough that the reply calls it the closest passage found (<c>Answering:HedgeBelow</c>).</summary>
    public bool Tentative { get; init; }

    /// <summary>
    /// Whether the citation at <paramref name="index"/> quotes further on in a section an earlier citation
    /// already quotes; its title alone would read as the same thing twice.
    /// </summary>
    public bool ContinuesEarlierSection(int index) => Citations.Take(index).Any(c => c.SectionId == Citations[index].SectionId);
}

/// <summary>A section offered as "Mente du …?".</summary>
internal sealed record SectionSuggestion(string SectionId, string Title);
