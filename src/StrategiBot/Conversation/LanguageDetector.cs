namespace StrategiBot.Conversation;

/// <summary>
/// Decides whether to answer in English. The text decides when it is clearly English; otherwise bokmål,
/// because the Teams client locale says more about the device than about the person typing. Function
/// words decide most messages; a short request made of content words only ("logo download", "email reply
/// time") needs to know which language a word belongs to, which the content can tell (see
/// <c>KnowledgeBase.DetectLanguage</c>).
/// </summary>
internal static class LanguageDetector
{
    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "what", "who", "how", "can", "should", "may", "must", "is", "are", "am", "do", "does", "i", "my",
        "you", "your", "when", "where", "which", "about", "help", "me", "allowed", "to", "a", "an", "with", "post",
        "journalist", "press", "if", "it", "our", "we", "in", "on", "of", "for", "and", "or",
        // Words a short English request is made of when it has no function words ("social media rules").
        // None is a Norwegian word as well ("media", "plan", "private", "policy", "at" and "by" are).
        "this", "that", "there", "they", "would", "could", "any", "from", "will", "want", "need", "get", "mean",
        "social", "rules", "guidelines", "crisis", "communication", "communications", "employee", "employees",
        "staff", "speak", "speaks", "say", "behalf", "public", "council", "municipality", "department", "share",
        "photo", "photos", "values", "principles", "channels", "strategy", "responsible", "newspaper", "news",
        "before", "after", "publish", "checklist", "checklists", "cancel", "hi", "hello", "hey",
        "target", "groups", "goals", "archive", "archived", "emails", "website", "residents", "citizens", "reporter",
        "reporters", "journalists", "audience", "audiences", "meeting",
    };

    private static readonly HashSet<string> NorwegianMarkers = new(StringComparer.Ordinal)
    {
        "jeg", "eg", "kan", "hva", "kva", "hvem", "kven", "hvordan", "korleis", "er", "på", "og", "i", "det",
        "ikke", "ikkje", "meg", "min", "mitt", "må", "skal", "om", "til", "en", "ei", "et", "som", "har",
        "hjelp", "med", "av", "for", "den", "de", "vi", "du",
        // "journalist ringer" is the Norwegian situation, though "journalist" alone reads as English.
        "ringer", "ringte", "ringde", "ringjer", "ringt",
    };

    private static readonly char[] Separators = [' ', ',', '.', '?', '!', ':', ';', '\n', '\r', '\t', '"', '\'', '(', ')', '«', '»', '“', '”', '‘', '’'];

    /// <summary>A lower-case word with æ, ø or å weighs as much as two Norwegian function words.</summary>
    private const int NorwegianLetterWeight = 2;

    /// <param name="text">The message.</param>
    /// <param name="wordLanguage">
    /// The language a word other than a function word belongs to, if only one: each such word counts as one
    /// more word of that language. Null: function words and æ/ø/å alone decide.
    /// </param>
    public static Language Detect(string? text, Func<string, Language?>? wordLanguage = null) =>
        Evidence(text, wordLanguage).Language;

    /// <summary>How many words of the text speak for each language; a tie is read as bokmål by <see cref="Detect"/>.</summary>
    public static LanguageEvidence Evidence(string? text, Func<string, Language?>? wordLanguage = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(0, 0);
        }
        var english = 0;
        var norwegian = 0;
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLowerInvariant();
            var isEnglishMarker = EnglishMarkers.Contains(lower);
            var isNorwegianMarker = NorwegianMarkers.Contains(lower);
            english += isEnglishMarker ? 1 : 0;
            norwegian += isNorwegianMarker ? 1 : 0;
            if (!isEnglishMarker && !isNorwegianMarker && wordLanguage?.Invoke(lower) is { } language)
            {
                english += language == Language.English ? 1 : 0;
                norwegian += language == Language.Norwegian ? 1 : 0;
            }
            // Strong evidence, not proof: an English question may name a place ("Østre Toten", typed as
            // "østre toten" too) or quote a Norwegian word. A capitalised one is most likely a name.
            if (char.IsLower(word[0]) && word.Any(c => c is 'æ' or 'ø' or 'å'))
            {
                norwegian += NorwegianLetterWeight;
            }
        }
        return new(english, norwegian);
    }
}

/// <summary>How many words of a text speak for English and for Norwegian.</summary>
internal readonly record struct LanguageEvidence(int English, int Norwegian)
{
    /// <summary>The language the words speak for; a tie is read as bokmål.</summary>
    public Language Language => English > Norwegian ? Language.English : Language.Norwegian;

    /// <summary>
    /// English by two words or more: one English word ("feedback", "to", a loanword) is what Norwegians
    /// write too, so it decides the language of its own reply but not of a conversation or a dialog.
    /// </summary>
    public bool IsPlainlyEnglish => English >= 2 && Language == Language.English;
}
