namespace StrategiBot.Conversation;

/// <summary>The language the bot answers in: bokmål by default, English to those who write English.</summary>
internal enum Language
{
    Norwegian,
    English,
}
