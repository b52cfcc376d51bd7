using StrategiBot.Retrieval.Analysis;

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
         "who are you", "what are you", "hei", "hallo", "heisann", "hei hei", "god morgen", "hi", "hello", "hey",
         "hva er det du kan", "hva kan du gjøre", "hva kan du hjelpe med", "kva kan du hjelpe med", "jeg trenger hjelp",
         "eg treng hjelp", "trenger hjelp", "kan du hjelpe meg", "what can you help with", "can you help me", "help please"])
    {
        EnglishAliases = ["help", "help me", "i need help", "menu", "what can you do", "what can you help me with", "who are you", "what are you", "hi", "hello", "hey",
            "what can you help with", "can you help me", "help please"],
    };

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
        ["sosiale medier", "sosiale media", "sosiale medium", "social media", "some"]) { DialogId = "sosiale-medier", EnglishAliases = ["social media"] };

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
        ["kommunikasjonsplan", "kommunikasjonsplanen", "ny kommunikasjonsplan", "lag kommunikasjonsplan", "communication plan", "plan"])
    {
        PersonalOnly = true,
        EnglishAliases = ["communication plan"],
    };

    public static readonly BotCommand Checklists = new(
        "checklists",
        "sjekklister",
        "Sjekklister før du publiserer, svarer pressen eller sender noe ut",
        "checklists",
        "Checklists before you post, talk to the press or send something out",
        ["sjekklister", "sjekkliste", "sjekklistene", "sjekklistar", "sjekklista", "checklists", "checklist"]) { EnglishAliases = ["checklists", "checklist"] };

    public static IReadOnlyList<BotCommand> All { get; } = [Help, Press, SocialMedia, FreeSpeech, Checklists, CommunicationPlan];

    /// <summary>The commands offered in a conversation: all of them in a personal chat, the shareable ones in a group chat or channel.</summary>
    public static IReadOnlyList<BotCommand> Offered(bool shared) => shared ? [.. All.Where(c => !c.PersonalOnly)] : All;

    /// <summary>Lower-cases, trims and drops a trailing punctuation mark or a leading slash.</summary>
    public static string Normalise(string text) =>
        text.Trim().TrimStart('/').TrimEnd('.', '!', '?', ' ').ToLowerInvariant() is { Length: > 0 } t ? t : text.Trim();

    public static BotCommand? Find(string text)
    {
        var commandText = CommandText(text);
        return All.FirstOrDefault(c => c.Matches(commandText));
    }

    /// <summary>
    /// The command inside a message, as <see cref="Normalise"/> leaves it, without the greeting, the bot's
    /// name and the request words people wrap a command in: "hei, vis meg sjekklistene" is "sjekklistene",
    /// "Hi StrategiBot, show me the checklists please" is "checklists", "hei StrategiBot" is "hei". A message
    /// that is only the bot's name is a greeting.
    /// </summary>
    public static string CommandText(string text)
    {
        var normalised = Normalise(text);
        // "Hei! Kan du vise meg sjekklistene?": a greeting ends with any mark, and the command keeps none.
        var words = normalised.Split([' ', ',', '.', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries).ToList();
        // A smiley or an emoji beside a greeting ("Hei :)") is no word of the command; alone it is no command.
        words.RemoveAll(w => !w.Any(char.IsLetterOrDigit));
        if (words.Count == 0)
        {
            return normalised;
        }
        words.RemoveAll(w => w is BotName or "@" + BotName or "bot");
        if (words.Count > 0 && IsOnly(words, Greetings))
        {
            return IsOnly(words, EnglishGreetings) ? "hello" : "hei";
        }
        StripLeading(words, Greetings);
        StripLeading(words, Requests);
        while (StripLeading(words, Determiners) is not null)
        {
        }
        if (words.Count > 1 && Closings.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words.Count > 0 ? string.Join(' ', words) : "hei";
    }

    private const string BotName = "strategibot";

    // A longer phrase before any shorter one it starts with, as for Requests.
    private static readonly string[] EnglishGreetings = ["good morning", "good afternoon", "hi there", "hello there", "hi", "hello", "hey", "yo"];

    private static readonly string[] Greetings =
    [
        "god morgen", "god dag", "god ettermiddag", "god kveld", "hei hei", "hei der", "hei", "hallo", "heisann", "halla", "hallais",
        .. EnglishGreetings,
    ];

    private static bool IsOnly(List<string> words, string[] phrases) =>
        phrases.Any(p => string.Equals(p, string.Join(' ', words), StringComparison.Ordinal));

    // A longer phrase before any shorter one it starts with, so "vis meg" is taken whole rather than "vis".
    private static readonly string[] Requests =
    [
        "kan du vise meg", "kan du vise", "kan du syne meg", "kan jeg få se", "kan eg få sjå", "jeg vil se", "eg vil sjå",
        "kan du hjelpe meg med", "can you help me with", "i need help with", "jeg trenger hjelp med", "hjelp meg med", "help me with",
        "can you show me", "could you show me", "i want to see", "can i see", "vis meg", "syn meg", "gi meg", "show me",
        "give me", "vis", "åpne", "opne", "show", "open", "list", "please",
    ];

    private static readonly string[] Determiners = ["alle", "dine", "de", "en", "ei", "et", "the", "all", "your", "a", "an"];

    private static readonly HashSet<string> Closings = new(["takk", "please", "thanks"], StringComparer.Ordinal);

    /// <summary>Takes the first (longest) of <paramref name="phrases"/> that starts <paramref name="words"/> off the front, unless it is all there is.</summary>
    /// <returns>The phrase taken, or null.</returns>
    private static string? StripLeading(List<string> words, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var parts = phrase.Split(' ');
            if (Tokenizer.PhraseAt(words, 0, parts))
            {
                // The longest phrase that fits decides: "vis meg" alone is not "vis" around "meg".
                if (parts.Length == words.Count)
                {
                    return null;
                }
                words.RemoveRange(0, parts.Length);
                return phrase;
            }
        }
        return null;
    }
}
