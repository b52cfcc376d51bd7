using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategiBot.Protocol.Schema;

/// <summary>The Teams <c>channelData</c> object. Teams fills it partially; every field is optional.</summary>
public sealed record TeamsChannelData
{
    /// <summary>The Entra tenant.</summary>
    public TenantInfo? Tenant { get; init; }

    /// <summary>The team, for channel conversations and team events.</summary>
    public TeamInfo? Team { get; init; }

    /// <summary>The Teams channel.</summary>
    public ChannelInfo? Channel { get; init; }

    /// <summary>The Teams event, e.g. <c>teamMemberAdded</c>, <c>channelCreated</c>, <c>editMessage</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>Settings such as the channel picked on install.</summary>
    public JsonElement? Settings { get; init; }

    /// <summary>Outbound: ask Teams to raise an activity-feed alert.</summary>
    public NotificationInfo? Notification { get; init; }

    /// <summary>Fields this schema does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A tenant reference.</summary>
public sealed record TenantInfo(string? Id);

/// <summary>A team reference.</summary>
public sealed record TeamInfo(string? Id, string? Name = null, string? AadGroupId = null);

/// <summary>A channel reference.</summary>
public sealed record ChannelInfo(string? Id, string? Name = null);

/// <summary>Activity-feed notification settings.</summary>
public sealed record NotificationInfo(bool? Alert = null);
