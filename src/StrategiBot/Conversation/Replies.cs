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
}
