using StrategiBot.Dialogs;

namespace StrategiBot.Conversation;

/// <summary>
/// Short texts the bot says in more than one place. They go out as plain text, so without Markdown: a
/// command is quoted the way the bot's other plain replies quote one.
/// </summary>
internal static class Replies
{
    /// <summary>"a, b og c" (or "and"): items in a sentence, the last joined by <paramref name="and"/>.</summary>
    public static string Enumerate(IReadOnlyList<string> items, string and) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " " + and + " " + items[^1];

    public static string Apology(Language language) => language == Language.English
        ? "Sorry, something went wrong on my side. Please try again, or type “help”."
        : "Beklager, noe gikk galt hos meg. Prøv igjen, eller skriv «hjelp».";

    public static string TooLong(Language language, int limit) => language == Language.English
        ? $"That message is too long for me (more than {limit} characters). Could you ask in a few sentences?"
        : $"Meldingen er for lang for meg (over {limit} tegn). Kan du spørre med noen få setninger?";

    public static string UnknownCardAction(Language language) => language == Language.English
        ? "That button belongs to a card I no longer recognise. Type “help” to start again."
        : "Den knappen hører til et kort jeg ikke kjenner igjen lenger. Skriv «hjelp» for å begynne på nytt.";

    public static string NothingToCancel(Language language) => language == Language.English
        ? "There is nothing to cancel or start over right now. Ask me anything, or type “help”."
        : "Det er ingenting å avbryte eller begynne på nytt akkurat nå. Spør meg gjerne om noe, eller skriv «hjelp».";

    /// <param name="dialog">The dialog in the language it will run in.</param>
    public static string DialogOffered(DialogDefinition dialog, Language asked) => (asked, dialog.Language) switch
    {
        // The step's card ends with how to stop; said here too it would be said twice.
        (Language.English, Language.English) => "I can walk you through this step by step.",
        (Language.English, _) => "I can walk you through this step by step. The steps are in Norwegian; type “cancel” to leave.",
        _ => "Dette kan jeg hjelpe deg gjennom, steg for steg.",
    };

    public static string UnclearDialogAnswer(Language language) => language == Language.English
        ? "I didn't understand that answer. Reply with one of the numbers, or type “cancel”."
        : "Jeg forstod ikke svaret. Svar med et av tallene, eller skriv «avbryt».";

    public static string DialogResumed(Language language) => language == Language.English
        ? "Shall we go on where we were? Answer the question below, or type “cancel”."
        : "Vil du fortsette der vi var? Svar på spørsmålet under, eller skriv «avbryt».";
}

/// <summary>
/// Thanks and acknowledgements ("takk", "ok takk", "tusen takk for svaret", "thank you so much"): not
/// questions for the strategy, which would answer them with "the strategy does not cover this". A message
/// counts when every word of it is one of these words and it holds a thanks or an acknowledgement.
/// </summary>
internal static class SmallTalk
{
    private static readonly HashSet<string> ThanksWords = new(["takk", "takker", "tusen", "mange"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishThanksWords = new(["thanks", "thank", "thx", "cheers"], StringComparer.Ordinal);

    private static readonly HashSet<string> AcknowledgementWords = new(
        ["okei", "greit", "grei", "flott", "supert", "fint", "perfekt", "skjønner", "forstår"], StringComparer.Ordinal);

    /// <summary>A bare yes or no, and whether it is English.</summary>
    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.Ordinal)
    {
        ["ja"] = false, ["jo"] = false, ["nei"] = false, ["jepp"] = false, ["neida"] = false,
        ["yes"] = true, ["no"] = true, ["yep"] = true, ["nope"] = true, ["not helpful"] = true, ["ikke nyttig"] = false,
    };

    /// <summary>A goodbye, and whether it is English.</summary>
    private static readonly Dictionary<string, bool> Farewells = new(StringComparer.Ordinal)
    {
        ["ha det"] = false, ["ha det bra"] = false, ["hadet"] = false, ["snakkes"] = false, ["vi snakkes"] = false,
        ["bye"] = true, ["goodbye"] = true, ["bye bye"] = true, ["see you"] = true,
    };

    /// <summary>
    /// Whether anyone is there, or a person: the bot says what it is instead of searching the strategy. Whether
    /// English. ("Hvem er du?" and "who are you" are the help command: the help card says it.)
    /// </summary>
    private static readonly Dictionary<string, bool> Presence = new(StringComparer.Ordinal)
    {
        ["er du der"] = false, ["hallo er du der"] = false, ["hei er du der"] = false, ["er det noen der"] = false,
        ["er du en robot"] = false, ["er du ein robot"] = false, ["er du en bot"] = false, ["er du ein bot"] = false,
        ["er du et menneske"] = false, ["er du eit menneske"] = false,
        ["are you there"] = true, ["hello are you there"] = true, ["anyone there"] = true, ["is anyone there"] = true,
        ["are you a bot"] = true, ["are you a robot"] = true, ["are you human"] = true, ["are you a human"] = true,
    };

    // Written the same by both: answered in the language the conversation is in.
    private static readonly HashSet<string> SharedAcknowledgementWords = new(["ok", "okay"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishAcknowledgementWords = new(["great", "got", "cool", "nice", "perfect"], StringComparer.Ordinal);

    // Words that may stand beside them: "takk for hjelpa", "takk, det var nyttig", "thank you so much".
    private static readonly HashSet<string> Fillers = new(
        ["for", "hjelpen", "hjelpa", "svaret", "svara", "det", "den", "er", "var", "nyttig", "skal", "du", "ha", "så", "mye",
         "you", "so", "much", "very", "a", "lot", "the", "help", "it", "that", "was", "useful", "helpful"],
        StringComparer.Ordinal);

    /// <summary>The reply to a bare thanks or acknowledgement (text as <see cref="BotCommands.Normalise"/> leaves it), or null.</summary>
    /// <param name="language">The conversation's language, for a word both languages write ("ok").</param>
    public static string? Reply(string normalised, Language language = Language.Norwegian)
    {
        const string NorwegianAcknowledged = "Greit! Spør meg gjerne om noe mer, eller skriv «hjelp».";
        const string EnglishAcknowledged = "Good. Ask me anything else, or type “help”.";
        // An emoji or a "!!" alone (a thumbs up after an answer, a thinking face) has no words to search for,
        // and may mean agreement or doubt: the reply assumes neither.
        if (normalised.Length > 0 && !normalised.Any(char.IsLetterOrDigit))
        {
            return language == Language.English ? "Ask me anything, or type “help”." : "Spør meg gjerne om noe, eller skriv «hjelp».";
        }
        // A bare yes or no outside a dialog answers nothing the bot asked, except perhaps "was this useful?".
        if (YesNo.TryGetValue(normalised.TrimEnd('!', '.', ' '), out var englishYesNo))
        {
            return englishYesNo
                ? "Tell me what you are wondering about, and I will answer from the strategy. Press 👍 or 👎 under an answer to say whether it helped."
                : "Skriv gjerne hva du lurer på, så svarer jeg fra strategien. Trykk 👍 eller 👎 under et svar for å si om det var nyttig.";
        }
        if (Farewells.TryGetValue(normalised.TrimEnd('!', '.', ' '), out var englishFarewell))
        {
            return englishFarewell ? "Bye! I'm here whenever you need me." : "Ha det bra! Jeg er her når du trenger meg.";
        }
        // An emoji beside the words ("takk 😁") changes nothing.
        var words = normalised.Split([' ', ',', '.', '!', '?', ':', ';', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit)).ToArray();
        if (Presence.TryGetValue(string.Join(' ', words), out var englishPresence))
        {
            return englishPresence
                ? "I'm here! I'm a bot that answers from the communication strategy, with the section each answer rests on. Ask me anything, or type “help”."
                : "Jeg er her! Jeg er en bot som svarer fra kommunikasjonsstrategien og viser hvilket avsnitt svaret bygger på. Spør meg om noe, eller skriv «hjelp».";
        }
        if (words.Length == 0 || words.Length > 8
            || !words.All(w => ThanksWords.Contains(w) || EnglishThanksWords.Contains(w) || AcknowledgementWords.Contains(w)
                || EnglishAcknowledgementWords.Contains(w) || SharedAcknowledgementWords.Contains(w) || Fillers.Contains(w)))
        {
            return null;
        }
        return words.Any(ThanksWords.Contains) ? "Bare hyggelig! Spør meg gjerne om mer."
            : words.Any(EnglishThanksWords.Contains) ? "You're welcome! Ask me anything else."
            : words.Any(AcknowledgementWords.Contains) ? NorwegianAcknowledged
            : words.Any(EnglishAcknowledgementWords.Contains) ? EnglishAcknowledged
            : words.Any(SharedAcknowledgementWords.Contains) ? (language == Language.English ? EnglishAcknowledged : NorwegianAcknowledged)
            : null;
    }
}
