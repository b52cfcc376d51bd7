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
    string ContactDescription);

/// <summary>One organisation's content: metadata, the strategy and the alternate questions per section.</summary>
internal sealed record ContentPack(
    Organisation Organisation,
    StrategyDocument Strategy,
    IReadOnlyDictionary<string, IReadOnlyList<AlternateQuestion>> Questions,
    string Folder);

/// <summary>
/// A way an employee might ask for a section, like a Q&amp;A knowledge base's alternate question.
/// <see cref="About"/>, when set, is the (whitespace-normalised) quote the question is about, so it
/// helps only the passage that holds it.
/// </summary>
internal sealed record AlternateQuestion(string Text, string? About);
