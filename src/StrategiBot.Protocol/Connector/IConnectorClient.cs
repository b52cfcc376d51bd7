using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (v3) as the bot uses it. Every call names the service URL it goes to; a token
/// is attached only for service URLs that arrived in a verified activity or in configuration.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{conversationId}/activities.</summary>
    Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT v3/conversations/{conversationId}/activities/{activityId}: replaces the whole activity.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations: starts a conversation (Teams: a 1:1 chat or a channel thread).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}
