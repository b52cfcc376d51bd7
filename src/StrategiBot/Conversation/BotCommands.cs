namespace StrategiBot.Conversation;

/// <summary>A command the bot understands as the first words of a message; the Teams manifest lists the same.</summary>
internal sealed record BotCommand(string Id, string Title, string Description, string EnglishTitle, string EnglishDescription, IReadOnlyList<string> Aliases)
{
    public bool Matches(string normalisedText) =>
        Aliases.Any(a => string.Equals(a, normalisedText, StringComparison.Ordinal));
}

/// <summary>The commands as users type them (bokmål, nynorsk and English aliases).</summary>
internal static class BotCommands
{
    public static readonly BotCommand Help = new(
        "help",
        "hjelp",
        "Vis hva StrategiBot kan hjelpe deg med",
        "help",
        "Show what StrategiBot can help you with",
        ["hjelp", "help", "hjelp meg", "help me", "?", "meny", "menu", "kva kan du", "hva kan du"]);

    public static IReadOnlyList<BotCommand> All { get; } = [Help];

    /// <summary>Lower-cases, trims and drops a trailing punctuation mark or a leading slash.</summary>
    public static string Normalise(string text) =>
        text.Trim().TrimStart('/').TrimEnd('.', '!', '?', ' ').ToLowerInvariant() is { Length: > 0 } t ? t : text.Trim();

    public static BotCommand? Find(string text)
    {
        var normalised = Normalise(text);
        return All.FirstOrDefault(c => c.Matches(normalised));
    }
}
