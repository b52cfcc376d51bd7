using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;

namespace StrategiBot.Conversation;

/// <summary>Everything the bot keeps about one conversation, stored whole.</summary>
internal sealed record ConversationState
{
    /// <summary>Where and how to reach the conversation later (proactive messages, onboarding).</summary>
    public ConversationReference? Reference { get; init; }

    /// <summary>When the bot greeted this group conversation; personal chats greet per user instead.</summary>
    public DateTimeOffset? WelcomedAt { get; init; }

    /// <summary>The connector refused the bot here (403) or the app was removed; stop sending.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>The dialog in progress, if any; cleared by the error boundary.</summary>
    public DialogState? Dialog { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>
    /// The last deliveries claimed here (message ids, or an edit's id and text digest), newest last: claimed
    /// when one arrives, released if the channel hangs up before the answer. The connector delivers a message
    /// again when the bot was slow to acknowledge it; the copy must not be answered, nor move a dialog, a
    /// second time.
    /// </summary>
    public IReadOnlyList<string> RecentMessageIds { get; init; } = [];

    /// <summary>How many message ids are kept: redeliveries come within seconds, while a busy channel moves on.</summary>
    public const int RecentMessageCapacity = 32;

    /// <summary>
    /// The language of the last question answered here, when it was English. A "Mente du" button sends a
    /// Norwegian section title, and the section it shows should still speak the asker's language.
    /// </summary>
    public Language? AnswerLanguage { get; init; }

    public static StateKey<ConversationState> Key(string conversationId) => new("conversation", conversationId);

    /// <summary>
    /// Where a dialog in progress is kept: with the conversation in a personal chat, and per person in a group
    /// chat or channel, where each member walks through their own ("2" from one person must not answer
    /// another's question). Null when the activity names no conversation.
    /// </summary>
    public static StateKey<ConversationState>? DialogKey(Activity activity, UserKeys users) =>
        activity.Conversation?.Id is not { } conversationId ? null
        : activity.IsGroupConversation() && users.For(activity) is { } user ? new("conversation", conversationId + "/" + user)
        : Key(conversationId);
}

/// <summary>
/// Where an active dialog stands, and in which language it runs (null: bokmål, as before dialogs had English).
/// The dialog engine fills it in.
/// </summary>
internal sealed record DialogState(string DialogId, string StepId, DateTimeOffset UpdatedAt, Language? Language = null);

/// <summary>The fields needed to message a conversation again, from a verified activity.</summary>
internal sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? Locale);

/// <summary>Everything the bot keeps about one user, keyed by a pseudonymous key, stored whole.</summary>
internal sealed record UserState
{
    /// <summary>When the user got the welcome card; they get it once.</summary>
    public DateTimeOffset? WelcomedAt { get; init; }

    public static StateKey<UserState> Key(string userKey) => new("user", userKey);
}
