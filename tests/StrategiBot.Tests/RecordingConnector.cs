using System.Collections.Concurrent;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests;

/// <summary>A connector that records what the bot sends, for tests that use normal delivery.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private int _next;

    public ConcurrentQueue<(string Operation, string ConversationId, string? ActivityId, Activity? Activity)> Calls { get; } = new();

    public IReadOnlyList<Activity> Sent => [.. Calls.Where(c => c.Activity is not null && c.Operation is "reply" or "send").Select(c => c.Activity!)];

    public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", conversationId, activityId, activity);

    public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record("send", conversationId, null, activity);

    public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", conversationId, activityId, activity);

    public Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Record("delete", conversationId, activityId, null);

    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("create", string.Empty, null, parameters.Activity));
        return Task.FromResult(new ConversationResourceResponse("a:new", null, null));
    }

    private Task<ResourceResponse> Record(string operation, string conversationId, string? activityId, Activity? activity)
    {
        Calls.Enqueue((operation, conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse($"sent-{Interlocked.Increment(ref _next)}"));
    }
}
