using System.Text.Json.Nodes;
using StrategiBot.Content;
using StrategiBot.Conversation;

namespace StrategiBot.Cards;

/// <summary>The welcome and help cards: what the bot can do and how to ask.</summary>
internal static class HelpCards
{
    /// <summary>
    /// Sent once when the bot is installed; bokmål with a line for those who prefer English, or English with a
    /// line in bokmål. In a group chat or channel it says to mention the bot, which only hears messages that do.
    /// </summary>
    /// <param name="language">English for a personal install by someone whose Teams speaks English; Norwegian otherwise.</param>
    /// <param name="topics">What the organisation's strategy speaks of (see <see cref="WelcomeTopics"/>); all three when null.</param>
    public static JsonObject Welcome(Language language = Language.Norwegian, bool isGroup = false, IReadOnlyList<string>? topics = null)
    {
        var english = language == Language.English;
        var named = (topics ?? AllTopics.Select(t => t.Topic).ToList())
            .Select(t => english ? AllTopics.First(a => a.Topic == t).English : t).ToList();
        var purpose = (english, isGroup) switch
        {
            (true, true) => "I help you all follow the municipality's communication strategy",
            (true, false) => "I help you follow the municipality's communication strategy",
            (false, true) => "Jeg hjelper dere å følge kommunens kommunikasjonsstrategi",
            (false, false) => "Jeg hjelper deg å følge kommunens kommunikasjonsstrategi",
        };
        var reach = (english, isGroup) switch
        {
            (true, true) => "Here you need to mention me for me to answer: write **@StrategiBot help** to see what I can do.",
            (true, false) => "Write **help** at any time to see what I can do. I quote the strategy in Norwegian.",
            (false, true) => "Her må du nevne meg for at jeg skal svare: skriv **@StrategiBot hjelp** for å se hva jeg kan.",
            (false, false) => "Skriv **hjelp** når som helst for å se hva jeg kan.",
        };
        // The other language's line, in that language: whoever reads it is the one it is for.
        var otherLanguage = (english, isGroup) switch
        {
            (true, true) => "Nevn meg (@StrategiBot) og skriv på norsk, så svarer jeg på norsk.",
            (true, false) => "Skriv på norsk, så svarer jeg på norsk.",
            (false, true) => "Mention me (@StrategiBot) and write in English, and I will answer in English.",
            (false, false) => "Write in English and I will answer in English.",
        };
        return AdaptiveCards.Card(
            [
                AdaptiveCards.Heading(english ? "Hi, I'm StrategiBot" : "Hei, jeg er StrategiBot"),
                AdaptiveCards.Text(purpose + (named.Count > 0
                    ? ": " + Replies.Enumerate(named, english ? "and" : "og") + "."
                    : english ? ", with answers from the strategy itself." : ", med svar fra strategien selv.")),
                AdaptiveCards.Text(reach, subtle: true),
                AdaptiveCards.Text(otherLanguage, subtle: true, size: "Small"),
            ],
            [english ? AdaptiveCards.ImBack("Show help", ShowHelpTextEnglish) : AdaptiveCards.ImBack("Vis hjelp", ShowHelpText)]);
    }

    private static readonly (string Topic, string English, string[] Words)[] AllTopics =
    [
        ("ytringsfrihet", "freedom of expression", ["ytringsfrihet"]),
        ("sosiale medier", "social media", ["sosiale medier", "facebook"]),
        ("hvem som uttaler seg til pressen", "who speaks to the press", ["media", "presse", "journalist", "mediehenvendelse"]),
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

    /// <summary>The English welcome's button: the help command's English title, so help comes in English.</summary>
    public const string ShowHelpTextEnglish = "help";

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
            $"**{(english ? c.EnglishTitle : c.Title)}**: {(c == BotCommands.Checklists && checklists is { Count: > 0 } ? ChecklistTitles(checklists, english) : english ? c.EnglishDescription : c.Description)}");
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

    /// <summary>"«Før du publiserer», «Journalisten ringer»": the organisation's checklists, quoted as the language quotes.</summary>
    public static string ChecklistTitles(IReadOnlyList<string> titles, bool english) =>
        string.Join(", ", titles.Select(t => english ? $"“{t}”" : $"«{t}»"));
}
