namespace StrategiBot.Conversation;

/// <summary>
/// Short texts the bot says in more than one place. They go out as plain text, so without Markdown: a
/// command is quoted the way the bot's other plain replies quote one.
/// </summary>
internal static class Replies
{
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

    public static string DialogOffered(Language language) => language == Language.English
        ? "I can walk you through this step by step. The steps are in Norwegian; type “cancel” to leave."
        : "Dette kan jeg hjelpe deg gjennom, steg for steg.";

    public static string UnclearDialogAnswer(Language language) => language == Language.English
        ? "I didn't understand that answer. Reply with one of the numbers, or type “cancel”."
        : "Jeg forstod ikke svaret. Svar med et av tallene, eller skriv «avbryt».";

    public static string DialogResumed(Language language) => language == Language.English
        ? "Shall we go on where we were? Answer the question below, or type “cancel”."
        : "Vil du fortsette der vi var? Svar på spørsmålet under, eller skriv «avbryt».";
}

/// <summary>
/// Thanks and acknowledgements ("takk", "ok", "thank you"): not questions for the strategy, which would
/// answer them with "the strategy does not cover this".
/// </summary>
internal static class SmallTalk
{
    private static readonly HashSet<string> Thanks = new(
        ["takk", "tusen takk", "takk for hjelpen", "takk skal du ha", "mange takk", "takker", "takk takk"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishThanks = new(
        ["thanks", "thank you", "thanks a lot", "thank you very much", "thx", "cheers", "many thanks"], StringComparer.Ordinal);

    private static readonly HashSet<string> Acknowledgements = new(
        ["ok", "okei", "okay", "greit", "flott", "supert", "fint", "den er grei", "skjønner", "forstår"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishAcknowledgements = new(
        ["okay then", "great", "got it", "i see", "cool", "nice"], StringComparer.Ordinal);

    /// <summary>The reply to a bare thanks or acknowledgement (text as <see cref="BotCommands.Normalise"/> leaves it), or null.</summary>
    public static string? Reply(string normalised) =>
        Thanks.Contains(normalised) ? "Bare hyggelig! Spør meg gjerne om mer."
        : EnglishThanks.Contains(normalised) ? "You're welcome! Ask me anything else."
        : Acknowledgements.Contains(normalised) ? "Greit! Spør meg gjerne om noe mer, eller skriv «hjelp»."
        : EnglishAcknowledgements.Contains(normalised) ? "Good. Ask me anything else, or type “help”."
        : null;
}
