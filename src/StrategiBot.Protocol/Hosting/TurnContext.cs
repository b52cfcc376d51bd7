using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Hosting;

/// <summary>
/// One inbound activity and the means to answer it. Replies are addressed from the activity itself, so the
/// bot only says what to send; with <c>deliveryMode: expectReplies</c> they are collected for the HTTP
/// response instead of being posted to the connector.
/// </summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;
    private readonly List<Activity> _buffered = [];
    private readonly Uri? _serviceUrl;

    /// <summary>Creates a turn; the endpoint does this for every authenticated activity.</summary>
    public TurnContext(Activity activity, bool isAnonymous, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        Activity = activity;
        IsAnonymous = isAnonymous;
        _connector = connector;
        BuffersReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        _serviceUrl = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) ? url : null;
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>True when the request carried no token (local development).</summary>
    public bool IsAnonymous { get; }

    /// <summary>True when replies are returned in the HTTP response rather than sent.</summary>
    public bool BuffersReplies { get; }

    /// <summary>The replies collected for an <c>expectReplies</c> request.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _buffered;

    /// <summary>The answer to an invoke activity; written as the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Sends an activity into this conversation. Missing addressing (conversation, from, recipient,
    /// replyToId, channel) is filled in from the inbound activity.
    /// </summary>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outbound = Address(activity);
        if (BuffersReplies)
        {
            _buffered.Add(outbound);
            return new ResourceResponse(null);
        }

        var (serviceUrl, conversationId) = Destination();
        return outbound.ReplyToId is { Length: > 0 } replyToId
            ? await _connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, outbound, cancellationToken)
            : await _connector.SendToConversationAsync(serviceUrl, conversationId, outbound, cancellationToken);
    }

    /// <summary>Replaces an activity the bot sent earlier (its id is <paramref name="activityId"/>).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Destination();
        return _connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Address(activity) with { ReplyToId = null }, cancellationToken);
    }

    /// <summary>Deletes an activity the bot sent earlier.</summary>
    public Task DeleteAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var (serviceUrl, conversationId) = Destination();
        return _connector.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
    }

    private Activity Address(Activity activity)
    {
        var reply = Activity.CreateReply();
        return activity with
        {
            Type = activity.Type ?? ActivityTypes.Message,
            ChannelId = activity.ChannelId ?? reply.ChannelId,
            From = activity.From ?? reply.From,
            Recipient = activity.Recipient ?? reply.Recipient,
            Conversation = activity.Conversation ?? reply.Conversation,
            ReplyToId = activity.ReplyToId ?? reply.ReplyToId,
        };
    }

    private (Uri ServiceUrl, string ConversationId) Destination()
    {
        if (_serviceUrl is null || Activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            throw new InvalidOperationException("The inbound activity has no serviceUrl or conversation id to reply to.");
        }
        return (_serviceUrl, conversationId);
    }
}
