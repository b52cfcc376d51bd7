namespace StrategiBot.Content;

/// <summary>Who the strategy belongs to and whom to contact, from <c>organisation.yaml</c>.</summary>
internal sealed record Organisation(
    string Id,
    string Name,
    string ShortName,
    string DefaultLocale,
    string DocumentTitle,
    string? Adopted,
    string ContactUnit,
    string ContactDescription)
{
    /// <summary>How to reach the contact, when the pack says: an e-mail address, a phone number, a web or intranet page.</summary>
    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactUrl { get; init; }

    /// <summary>The contact in English, for English replies ("the communication department"); the Norwegian unit when absent.</summary>
    public string? ContactUnitEnglish { get; init; }

    public string? ContactDescriptionEnglish { get; init; }

    /// <summary>
    /// A question the help card offers as an example of asking in one's own words, and its English twin: one
    /// this organisation's strategy answers, so the first question a new user copies gets a good answer.
    /// </summary>
    public string? ExampleQuestion { get; init; }

    public string? ExampleQuestionEnglish { get; init; }

    /// <summary>The name as an English sentence writes it: "Østre Toten municipality", not "Østre Toten kommune's".</summary>
    public string EnglishName =>
        Name.EndsWith(" kommune", StringComparison.Ordinal) ? ShortName + " municipality" : Name;

    /// <summary>
    /// The contact as it reads after "Spør" or "Ask": "kommunikasjonsavdelingen", "nærmeste leder", without
    /// the explanation in brackets (the description gives it) and lower-cased unless it is a name or an
    /// acronym ("IKT-medarbeiderne" keeps its capitals).
    /// </summary>
    public string ContactUnitInSentence
    {
        get
        {
            var unit = ContactUnit.Split(" (")[0].Trim();
            return unit.Length > 1 && char.IsUpper(unit[0]) && char.IsLower(unit[1])
                ? char.ToLowerInvariant(unit[0]) + unit[1..]
                : unit;
        }
    }
}

/// <summary>One organisation's content: metadata, the strategy and the alternate questions per section.</summary>
internal sealed record ContentPack(
    Organisation Organisation,
    StrategyDocument Strategy,
    IReadOnlyDictionary<string, IReadOnlyList<AlternateQuestion>> Questions,
    string Folder)
{
    /// <summary>
    /// Questions employees ask that the strategy does not answer (<see cref="ContentPackLoader.UncoveredFile"/>):
    /// a question much like one of them is less likely to be covered, however well its words match a passage.
    /// </summary>
    public IReadOnlyList<string> Uncovered { get; init; } = [];
}

/// <summary>
/// A way an employee might ask for a section, like a Q&amp;A knowledge base's alternate question.
/// <see cref="About"/>, when set, is the (whitespace-normalised) quote the question is about, so it
/// helps only the passage that holds it.
/// </summary>
internal sealed record AlternateQuestion(string Text, string? About);
