using System.Text.Json;
using System.Text.RegularExpressions;

namespace StrategiBot.Protocol.Schema;

/// <summary>Reading Teams specifics from an activity and building replies to it.</summary>
public static partial class ActivityExtensions
{
    /// <summary>The Teams channel data, or null when absent or not an object.</summary>
    public static TeamsChannelData? GetTeamsChannelData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }
        try
        {
            return data.Deserialize(ProtocolJsonContext.Wire.TeamsChannelData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tenant id from the conversation, or from channel data where Teams puts it.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? activity.GetTeamsChannelData()?.Tenant?.Id;
    }

    /// <summary>True in group chats and channels.</summary>
    public static bool IsGroupConversation(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Conversation?.ConversationType;
        return activity.Conversation?.IsGroup == true
            || string.Equals(type, "groupChat", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "channel", StringComparison.Ordinal);
    }

    /// <summary>True when an entity mentions the activity's recipient (the bot).</summary>
    public static bool MentionsRecipient(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return botId is not null && activity.Entities?.Any(e => IsMentionOf(e, botId)) == true;
    }

    /// <summary>
    /// The text with the bot's own mention removed, and trimmed. Only when an entity mentions the bot: its
    /// text goes, and any <c>&lt;at&gt;</c> tag naming the bot.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var mentions = botId is null ? null : activity.Entities?.Where(e => IsMentionOf(e, botId)).ToList();
        if (mentions is not { Count: > 0 })
        {
            return text.Trim();
        }
        foreach (var mention in mentions.Where(m => !string.IsNullOrEmpty(m.Text)))
        {
            text = text.Replace(mention.Text!, string.Empty, StringComparison.Ordinal);
        }
        var names = mentions.Select(m => m.Mentioned?.Name).Append(activity.Recipient?.Name)
            .OfType<string>().Select(n => n.Trim()).Where(n => n.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Teams leaves the text out of mention entities in some group chats, and a tag may be written otherwise
        // than the entity says (attributes, case), so any tag naming the bot goes; tags naming others stay.
        return MentionTag().Replace(text, tag => names.Contains(tag.Groups["name"].Value.Trim()) ? string.Empty : tag.Value).Trim();
    }

    /// <summary>
    /// A message addressed back into the activity's conversation: from the recipient, to the sender,
    /// replying to the activity. Fields the bot must not set (id, timestamp, serviceUrl, isGroup, conversationType) stay empty.
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = activity.ChannelId,
            From = activity.Recipient is { } r ? new ChannelAccount { Id = r.Id, Name = r.Name } : null,
            Recipient = activity.From is { } f ? new ChannelAccount { Id = f.Id, Name = f.Name, AadObjectId = f.AadObjectId } : null,
            Conversation = activity.Conversation is { } c
                ? new ConversationAccount { Id = c.Id, TenantId = c.TenantId ?? activity.GetTenantId() }
                : null,
            ReplyToId = activity.Id,
            Text = text,
            TextFormat = text is null ? null : "plain",
            Locale = activity.Locale,
        };
    }

    private static bool IsMentionOf(Entity entity, string botId) =>
        string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
        && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal);

    [GeneratedRegex(@"<at(?:\s[^>]*)?>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionTag();
}
