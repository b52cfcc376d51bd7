using System.Text.Json;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests;

/// <summary>Teams-shaped activities as the channel sends them, for conversation scripts.</summary>
internal static class Teams
{
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    public const string ServiceUrl = "http://127.0.0.1:9/amer/";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    private static long _lastMessageId = 1575667808184;

    /// <summary>
    /// A message as Teams delivers it, each with an id of its own (Teams' ids are increasing numbers): the bot
    /// answers an id once, so a test that sends the same activity twice is testing a redelivery.
    /// </summary>
    public static Activity PersonalMessage(string text, string userId = "29:user-1", string conversationId = "a:personal-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Interlocked.Increment(ref _lastMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Timestamp = DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount { Id = userId, Name = "Kari Nordmann", AadObjectId = "00000000-0000-0000-0000-00000000a11c" },
        Recipient = new ChannelAccount { Id = BotId, Name = "StrategiBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
        Text = text,
        TextFormat = "plain",
        Locale = "nb-NO",
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = TenantId } }),
    };

    /// <summary>
    /// What a client posts when a card's <c>Action.Submit</c> is pressed: no text, the data (and inputs) as value.
    /// With <paramref name="sharedIn"/> (<c>groupChat</c> or <c>channel</c>) the card was in a conversation
    /// where everyone reads the bot's answer; with <paramref name="userId"/> it is that user who pressed.
    /// </summary>
    public static Activity CardSubmission(JsonElement value, string? userId = null, string? sharedIn = null)
    {
        var message = sharedIn is null ? PersonalMessage("") : GroupMessage("", mentionBot: false, conversationType: sharedIn);
        return message with
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = null,
            Value = value,
            From = userId is null ? message.From : User(userId),
        };
    }

    public static Activity GroupMessage(string text, bool mentionBot, string conversationType = "groupChat")
    {
        var mention = "<at>StrategiBot</at>";
        return PersonalMessage(mentionBot ? $"{mention} {text}" : text, conversationId: "19:group-1@thread.v2") with
        {
            Conversation = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = conversationType, IsGroup = true, TenantId = TenantId },
            Entities = mentionBot
                ? [new Entity { Type = "mention", Text = mention, Mentioned = new ChannelAccount { Id = BotId, Name = "StrategiBot" } }]
                : null,
        };
    }

    /// <summary>
    /// A press on an <c>Action.Execute</c> button (or, with <paramref name="trigger"/> <c>automatic</c>, Teams
    /// refreshing a card for a viewer): the invoke <c>adaptiveCard/action</c>.
    /// </summary>
    public static Activity CardAction(string verb, object data, string userId = "29:user-1", bool inGroup = false, string trigger = "manual") =>
        Invoke(JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger }), userId, inGroup);

    /// <summary>An <c>adaptiveCard/action</c> invoke with any value, well-formed or not.</summary>
    public static Activity Invoke(JsonElement? value, string userId = "29:user-1", bool inGroup = false, string name = "adaptiveCard/action")
    {
        var message = inGroup ? GroupMessage("", mentionBot: false) : PersonalMessage("");
        return message with
        {
            Type = ActivityTypes.Invoke,
            Id = "f:invoke-" + Guid.NewGuid().ToString("N"),
            Name = name,
            Text = null,
            ReplyToId = "1:card-message",
            Value = value,
            From = User(userId),
        };
    }

    /// <summary>A message from a particular user, in their personal chat or in the group chat.</summary>
    public static Activity MessageFrom(string userId, string text, bool inGroup = false, string conversationId = "a:personal-1") =>
        (inGroup ? GroupMessage(text, mentionBot: true) : PersonalMessage(text, conversationId: conversationId)) with
        {
            Id = Guid.NewGuid().ToString("N"),
            From = User(userId),
        };

    /// <summary>Each user its own Entra object id, so each gets their own pseudonymous key.</summary>
    private static ChannelAccount User(string userId) => new() { Id = userId, Name = userId, AadObjectId = AadObjectIdFor(userId) };

    private static string AadObjectIdFor(string userId) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)).AsSpan(0, 16)).ToString();

    public static Activity BotInstalledPersonal(string userId = "29:user-1") => PersonalMessage("", userId) with
    {
        Type = ActivityTypes.InstallationUpdate,
        Id = "f:install-1",
        Text = null,
        Action = "add",
    };

    public static Activity BotAddedToConversation(string userId = "29:user-1") => PersonalMessage("", userId) with
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:update-1",
        Text = null,
        MembersAdded = [new ChannelAccount { Id = BotId }],
    };

    public static Activity BotAddedToTeam() => GroupMessage("", mentionBot: false, conversationType: "channel") with
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:team-1",
        Text = null,
        MembersAdded = [new ChannelAccount { Id = BotId }],
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = TenantId }, team = new { id = "19:team@thread.tacv2" }, eventType = "teamMemberAdded" }),
    };

    /// <summary>The conversation update that announces the bot's removal, in the conversation <paramref name="added"/> announced it in.</summary>
    public static Activity BotRemoved(Activity added) => added with { MembersAdded = null, MembersRemoved = [new ChannelAccount { Id = BotId }] };
}
