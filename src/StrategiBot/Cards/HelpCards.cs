using System.Text.Json.Nodes;
using StrategiBot.Content;
using StrategiBot.Conversation;

namespace StrategiBot.Cards;

/// <summary>The welcome and help cards: what the bot can do and how to ask.</summary>
internal static class HelpCards
{
    /// <summary>
    /// Sent once when the bot is installed; bokmål, with a line for those who prefer English. In a group chat or
    /// channel it says to mention the bot, which only hears messages that do.
    /// </summary>
    /// <param name="topics">What the organisation's strategy speaks of (see <see cref="WelcomeTopics"/>); all three when null.</param>
    public static JsonObject Welcome(bool isGroup = false, IReadOnlyList<string>? topics = null) => AdaptiveCards.Card(
        [
            AdaptiveCards.Heading("Hei, jeg er StrategiBot"),
            AdaptiveCards.Text((isGroup ? "Jeg hjelper dere å følge kommunens kommunikasjonsstrategi" : "Jeg hjelper deg å følge kommunens kommunikasjonsstrategi")
                + ((topics ?? AllTopics.Select(t => t.Topic).ToList()) is { Count: > 0 } named ? ": " + Replies.Enumerate(named, "og") + "." : ", med svar fra strategien selv.")),
            AdaptiveCards.Text(isGroup
                ? "Her må du nevne meg for at jeg skal svare: skriv **@StrategiBot hjelp** for å se hva jeg kan."
                : "Skriv **hjelp** når som helst for å se hva jeg kan.", subtle: true),
            AdaptiveCards.Text(isGroup
                ? "Mention me (@StrategiBot) and write in English, and I will answer in English."
                : "Write in English and I will answer in English.", subtle: true, size: "Small"),
        ],
        [AdaptiveCards.ImBack("Vis hjelp", ShowHelpText)]);

    private static readonly (string Topic, string[] Words)[] AllTopics =
    [
        ("ytringsfrihet", ["ytringsfrihet"]),
        ("sosiale medier", ["sosiale medier", "facebook"]),
        ("hvem som uttaler seg til pressen", ["media", "presse", "journalist", "mediehenvendelse"]),
    ];

    /// <summary>
    /// The welcome's topics that the strategy's own text speaks of: not every strategy mentions freedom of
    /// expression or social media, and the welcome must not promise what the answers cannot keep.
    /// </summary>
    public static IReadOnlyList<string> WelcomeTopics(IEnumerable<string> strategyTexts)
    {
        var text = string.Join('\n', strategyTexts);
        return [.. AllTopics.Where(t => t.Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(t => t.Topic)];
    }

    /// <summary>What the welcome card's button posts; in a group chat it arrives without a mention and is answered anyway.</summary>
    public const string ShowHelpText = "hjelp";

    /// <summary>The example question when a pack names none (any strategy's employees' freedom of expression).</summary>
    public const string DefaultExample = "Kan jeg uttale meg om arbeidsplassen min i lokalavisa?";

    public const string DefaultExampleEnglish = "Can I comment on my own workplace in the local paper?";

    /// <param name="offers">Whether this organisation has what a command opens (a dialog, a plan template, checklists); all when null.</param>
    /// <param name="checklists">
    /// The titles of the organisation's checklists in the card's language: the checklists command then names
    /// them, since not every strategy has a checklist for posting or sending out. The general description when null.
    /// </param>
    public static JsonObject Help(Language language, bool isGroup, Organisation? organisation = null, Func<BotCommand, bool>? offers = null, IReadOnlyList<string>? checklists = null)
    {
        var english = language == Language.English;
        var commands = BotCommands.Offered(shared: isGroup).Where(c => offers?.Invoke(c) ?? true).Select(c =>
            $"**{(english ? c.EnglishTitle : c.Title)}**: {(c == BotCommands.Checklists && checklists is { Count: > 0 } ? Checklists(checklists, english) : english ? c.EnglishDescription : c.Description)}");
        var body = new List<JsonNode>
        {
            AdaptiveCards.Heading(english ? "What I can help with" : "Dette kan jeg hjelpe deg med"),
            AdaptiveCards.Text(english
                ? $"Ask in your own words, and I answer from the communication strategy and show the section the answer comes from. For example: *{organisation?.ExampleQuestionEnglish ?? DefaultExampleEnglish}*"
                : $"Spør med egne ord, så svarer jeg fra kommunikasjonsstrategien og viser hvilket avsnitt svaret står i. For eksempel: *{organisation?.ExampleQuestion ?? DefaultExample}*"),
            AdaptiveCards.Bullets(commands),
        };
        if (isGroup)
        {
            body.Add(AdaptiveCards.Text(
                english ? "In group chats and channels, mention me (@StrategiBot) so I know you are talking to me." : "I gruppechatter og kanaler må du nevne meg (@StrategiBot) for at jeg skal svare.",
                subtle: true));
        }
        return AdaptiveCards.Card(body, fullWidth: true);
    }

    /// <summary>"«Journalisten ringer», «Før du publiserer»": the titles the list card shows, after the command's name.</summary>
    private static string Checklists(IReadOnlyList<string> titles, bool english) =>
        string.Join(", ", titles.Select(t => english ? $"“{t}”" : $"«{t}»"));
}
