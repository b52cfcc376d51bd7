using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategiBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase JSON). Unknown fields are kept in
/// <see cref="ExtensionData"/> so that an activity read and written again loses nothing.
/// </summary>
public sealed record Activity
{
    /// <summary>The activity type, such as <c>message</c> or <c>invoke</c>; see <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; init; }

    /// <summary>The channel-assigned id. Never set on activities the bot sends.</summary>
    public string? Id { get; init; }

    /// <summary>When the channel received the activity; informational, never a reason to reject.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The sender's local time, when the channel supplies it.</summary>
    public DateTimeOffset? LocalTimestamp { get; init; }

    /// <summary>The IANA time zone of <see cref="LocalTimestamp"/>.</summary>
    public string? LocalTimezone { get; init; }

    /// <summary>The channel, e.g. <c>msteams</c>, <c>webchat</c>, <c>emulator</c>.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The base URL of the connector to reply to; trusted only once the token's <c>serviceurl</c> claim matched it.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; init; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The id of the activity this one answers.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The message text.</summary>
    public string? Text { get; init; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }

    /// <summary>Text to be spoken, for voice channels.</summary>
    public string? Speak { get; init; }

    /// <summary>Whether the sender expects input next (<c>acceptingInput</c>, <c>expectingInput</c>, <c>ignoringInput</c>).</summary>
    public string? InputHint { get; init; }

    /// <summary>A summary for channels that cannot show attachments.</summary>
    public string? Summary { get; init; }

    /// <summary>The sender's locale (BCP-47).</summary>
    public string? Locale { get; init; }

    /// <summary>Files, images and cards.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary><c>list</c> (default) or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; init; }

    /// <summary>Buttons offered for the next user turn.</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Mentions, client info and other entities.</summary>
    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific payload; for Teams read it with <see cref="ActivityExtensions.GetTeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary>The payload of a card submission or an invoke.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The type of <see cref="Value"/>, when the sender names it.</summary>
    public string? ValueType { get; init; }

    /// <summary>The name of an invoke or event activity.</summary>
    public string? Name { get; init; }

    /// <summary>For <c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Members who joined, on <c>conversationUpdate</c>.</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    /// <summary>Members who left, on <c>conversationUpdate</c>.</summary>
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Reactions added to the message in <see cref="ReplyToId"/>.</summary>
    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; init; }

    /// <summary>Reactions removed from the message in <see cref="ReplyToId"/>.</summary>
    public IReadOnlyList<MessageReaction>? ReactionsRemoved { get; init; }

    /// <summary><c>normal</c> (default) or <c>expectReplies</c>, which asks for the replies in the HTTP response.</summary>
    public string? DeliveryMode { get; init; }

    /// <summary>Set by channels for skills; receivers discard an inbound value.</summary>
    public string? CallerId { get; init; }

    /// <summary>Fields this schema does not name, kept for round-trips.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A user or bot in a channel.</summary>
public sealed record ChannelAccount
{
    /// <summary>The channel-specific id (Teams: <c>29:…</c> for users, <c>28:&lt;appId&gt;</c> for bots).</summary>
    public string? Id { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The user's Entra object id (Teams).</summary>
    public string? AadObjectId { get; init; }

    /// <summary><c>user</c> or <c>bot</c>, where the channel says.</summary>
    public string? Role { get; init; }

    /// <summary>Fields this schema does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    /// <summary>The conversation id; opaque.</summary>
    public string? Id { get; init; }

    /// <summary>The conversation's name, when it has one.</summary>
    public string? Name { get; init; }

    /// <summary>True for group chats and channels.</summary>
    public bool? IsGroup { get; init; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    /// <summary>The Entra tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>Fields this schema does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A file, image or card carried by a message.</summary>
public sealed record Attachment
{
    /// <summary>The MIME type, e.g. <see cref="AdaptiveCardContentType"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Where the content can be fetched; never together with <see cref="Content"/>.</summary>
    public string? ContentUrl { get; init; }

    /// <summary>Inline content, such as Adaptive Card JSON.</summary>
    public JsonElement? Content { get; init; }

    /// <summary>A display name.</summary>
    public string? Name { get; init; }

    /// <summary>A thumbnail URL.</summary>
    public string? ThumbnailUrl { get; init; }

    /// <summary>Fields this schema does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>Buttons offered as the user's next input.</summary>
public sealed record SuggestedActions
{
    /// <summary>The recipients who see them; everybody when absent.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>The buttons.</summary>
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}

/// <summary>A Bot Framework card action (imBack, messageBack, openUrl, …).</summary>
public sealed record CardAction
{
    /// <summary>The action type, e.g. <c>imBack</c>.</summary>
    public string Type { get; init; } = "imBack";

    /// <summary>The button label.</summary>
    public string? Title { get; init; }

    /// <summary>The value sent back (text for imBack, a URL for openUrl).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Text sent to the bot (messageBack).</summary>
    public string? Text { get; init; }

    /// <summary>Text shown in the chat (messageBack).</summary>
    public string? DisplayText { get; init; }

    /// <summary>Fields this schema does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An entity such as a mention or client info; the fields beyond <see cref="Type"/> depend on the type.</summary>
public sealed record Entity
{
    /// <summary>The entity type, e.g. <c>mention</c>, <c>clientInfo</c>.</summary>
    public string? Type { get; init; }

    /// <summary>For mentions: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>For mentions: the literal text in the message, e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }

    /// <summary>Fields this schema does not name (locale, platform, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A reaction on a message.</summary>
public sealed record MessageReaction
{
    /// <summary>The reaction, e.g. <c>like</c>.</summary>
    public string? Type { get; init; }
}

/// <summary>The <c>{"activities":[...]}</c> body answering an <c>expectReplies</c> request.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The connector's answer to a send: the id of the new activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The parameters of a create-conversation call.</summary>
public sealed record ConversationParameters
{
    /// <summary>True for a group conversation.</summary>
    public bool? IsGroup { get; init; }

    /// <summary>The bot account.</summary>
    public ChannelAccount? Bot { get; init; }

    /// <summary>The members to add.</summary>
    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    /// <summary>A topic, where the channel supports one.</summary>
    public string? TopicName { get; init; }

    /// <summary>The tenant; Teams wants it here and in channel data.</summary>
    public string? TenantId { get; init; }

    /// <summary>The first activity, required for Teams channel threads.</summary>
    public Activity? Activity { get; init; }

    /// <summary>Channel-specific data, e.g. the Teams tenant and channel.</summary>
    public JsonElement? ChannelData { get; init; }
}

/// <summary>The connector's answer to a create-conversation call.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The answer to an invoke, written as the HTTP response.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The JSON body, or none.</param>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
