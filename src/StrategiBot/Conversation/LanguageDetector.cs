namespace StrategiBot.Conversation;

/// <summary>
/// Decides whether to answer in English. The text decides when it is clearly English; otherwise bokmål,
/// because the Teams client locale says more about the device than about the person typing.
/// </summary>
internal static class LanguageDetector
{
    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "what", "who", "how", "can", "should", "may", "must", "is", "are", "am", "do", "does", "i", "my",
        "you", "your", "when", "where", "which", "about", "help", "me", "allowed", "to", "a", "an", "with", "post",
        "journalist", "press", "if", "it", "our", "we", "in", "on", "of", "for", "and", "or",
    };

    private static readonly HashSet<string> NorwegianMarkers = new(StringComparer.Ordinal)
    {
        "jeg", "eg", "kan", "hva", "kva", "hvem", "kven", "hvordan", "korleis", "er", "på", "og", "i", "det",
        "ikke", "ikkje", "meg", "min", "mitt", "må", "skal", "om", "til", "en", "ei", "et", "som", "har",
        "hjelp", "med", "av", "for", "den", "de", "vi", "du",
    };

    public static Language Detect(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (text.Any(c => c is 'æ' or 'ø' or 'å' or 'Æ' or 'Ø' or 'Å'))
            {
                return Language.Norwegian;
            }
            var words = text.ToLowerInvariant()
                .Split([' ', ',', '.', '?', '!', ':', ';', '\n', '\r', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
            var english = words.Count(EnglishMarkers.Contains);
            var norwegian = words.Count(NorwegianMarkers.Contains);
            if (english > norwegian)
            {
                return Language.English;
            }
            if (norwegian > 0)
            {
                return Language.Norwegian;
            }
        }
        return Language.Norwegian;
    }
}
