namespace StrategiBot.Conversation;

/// <summary>A command the bot understands as the first words of a message; the Teams manifest lists the same.</summary>
internal sealed record BotCommand(string Id, string Title, string Description, string EnglishTitle, string EnglishDescription, IReadOnlyList<string> Aliases)
{
    /// <summary>The guided dialog the command starts, where the organisation has one.</summary>
    public string? DialogId { get; init; }

    /// <summary>Offered in personal chats only: what it shows belongs to one person (a plan draft).</summary>
    public bool PersonalOnly { get; init; }

    /// <summary>The aliases only English speakers type ("press"; not "media" or "journalist", which are Norwegian too).</summary>
    public IReadOnlyList<string> EnglishAliases { get; init; } = [];

    public bool Matches(string normalisedText) =>
        Aliases.Any(a => string.Equals(a, normalisedText, StringComparison.Ordinal));

    /// <summary>
    /// The language a command was typed in, from its alias alone: a one-word command gives the language
    /// detector too little to go on, and "journalist" would read as English.
    /// </summary>
    public Language LanguageOf(string normalisedText) =>
        EnglishAliases.Contains(normalisedText, StringComparer.Ordinal) ? Language.English : Language.Norwegian;
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
        // A bare greeting is someone finding out what the bot is for.
        ["hjelp", "help", "hjelp meg", "help me", "i need help", "?", "meny", "menu", "kva kan du", "hva kan du",
         "hva kan du hjelpe meg med", "hvem er du", "kven er du", "hva er du", "what can you do", "what can you help me with",
         "who are you", "what are you", "hei", "hallo", "heisann", "hei hei", "god morgen", "hi", "hello", "hey"]);

    public static readonly BotCommand Press = new(
        "press",
        "presse",
        "Veiledning når en journalist tar kontakt med deg",
        "press",
        "Guidance when a journalist contacts you",
        ["presse", "pressen", "press", "media", "journalist"]) { DialogId = "kontakt-med-pressen", EnglishAliases = ["press"] };

    public static readonly BotCommand SocialMedia = new(
        "social-media",
        "sosiale medier",
        "Kan jeg publisere dette? Veiledning for sosiale medier",
        "social media",
        "Can I post this? Guidance for social media",
        ["sosiale medier", "sosiale media", "social media", "some"]) { DialogId = "sosiale-medier", EnglishAliases = ["social media"] };

    public static readonly BotCommand FreeSpeech = new(
        "free-speech",
        "ytringsfrihet",
        "Kan jeg si dette offentlig? Ytringsfrihet og lojalitet",
        "freedom of expression",
        "Can I say this in public? Freedom of expression and loyalty",
        ["ytringsfrihet", "ytringsfridom", "freedom of expression", "free speech"]) { DialogId = "ytringsfrihet", EnglishAliases = ["freedom of expression", "free speech"] };

    /// <summary>Opens the plan builder (<c>Planning/</c>), not a dialog.</summary>
    public static readonly BotCommand CommunicationPlan = new(
        "communication-plan",
        "kommunikasjonsplan",
        "Lag en kommunikasjonsplan etter malen i strategien",
        "communication plan",
        "Make a communication plan from the strategy's template",
        ["kommunikasjonsplan", "kommunikasjonsplanen", "ny kommunikasjonsplan", "lag kommunikasjonsplan", "communication plan", "plan"]) { PersonalOnly = true };

    public static readonly BotCommand Checklists = new(
        "checklists",
        "sjekklister",
        "Sjekklister før du publiserer, svarer pressen eller sender noe ut",
        "checklists",
        "Checklists before you post, talk to the press or send something out",
        ["sjekklister", "sjekkliste", "sjekklistene", "sjekklistar", "sjekklista", "checklists", "checklist"]);

    public static IReadOnlyList<BotCommand> All { get; } = [Help, Press, SocialMedia, FreeSpeech, Checklists, CommunicationPlan];

    /// <summary>The commands offered in a conversation: all of them in a personal chat, the shareable ones in a group chat or channel.</summary>
    public static IReadOnlyList<BotCommand> Offered(bool shared) => shared ? [.. All.Where(c => !c.PersonalOnly)] : All;

    /// <summary>Lower-cases, trims and drops a trailing punctuation mark or a leading slash.</summary>
    public static string Normalise(string text) =>
        text.Trim().TrimStart('/').TrimEnd('.', '!', '?', ' ').ToLowerInvariant() is { Length: > 0 } t ? t : text.Trim();

    public static BotCommand? Find(string text)
    {
        var normalised = Normalise(text);
        return All.FirstOrDefault(c => c.Matches(normalised));
    }
}
