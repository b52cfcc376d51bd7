namespace StrategiBot.Protocol.Schema;

/// <summary>The activity types the Bot Framework names. Receivers must tolerate others.</summary>
public static class ActivityTypes
{
    /// <summary>A user or bot message, including card submissions.</summary>
    public const string Message = "message";
    /// <summary>Members or the bot joined or left; Teams team and channel events.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The app was installed or uninstalled in a scope.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A synchronous request answered in the HTTP response.</summary>
    public const string Invoke = "invoke";
    /// <summary>A named event.</summary>
    public const string Event = "event";
    /// <summary>Someone is typing.</summary>
    public const string Typing = "typing";
    /// <summary>A reaction was added or removed.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A message was edited.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "messageDelete";
    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
}

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go to the connector.</summary>
    public const string Normal = "normal";
    /// <summary>Replies are returned in the HTTP response as <see cref="ExpectedReplies"/>.</summary>
    public const string ExpectReplies = "expectReplies";
}
