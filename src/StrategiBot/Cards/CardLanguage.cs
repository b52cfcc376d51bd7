using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Conversation;

namespace StrategiBot.Cards;

/// <summary>
/// The language a card was drawn in, carried in the data of its buttons so a press is answered in the same
/// language. Only English is marked: a card drawn before the mark existed reads as bokmål, as it was.
/// </summary>
internal static class CardLanguage
{
    public const string Key = "language";

    public const string English = "en";

    public static void Mark(JsonObject data, Language language)
    {
        if (language == Language.English)
        {
            data[Key] = English;
        }
    }

    public static Language Of(JsonElement data) => data.StringProperty(Key) == English ? Language.English : Language.Norwegian;
}
