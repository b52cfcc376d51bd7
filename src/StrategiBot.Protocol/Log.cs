using Microsoft.Extensions.Logging;

namespace StrategiBot.Protocol;

/// <summary>
/// The protocol layer's log events. EventIds are grouped by concern: 100-199 messaging endpoint (inbound), 200-299 channel authentication, 1000-1999 connector (outbound).
/// Messages carry ids, statuses and timings only: never tokens, secrets or message text.
/// </summary>
internal static partial class Log
{
    // 100-199: messaging endpoint (channel → bot).

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Refused an activity of {Length} bytes (limit {Limit}); -1 means the stream ran over")]
    public static partial void RequestTooLarge(ILogger logger, long length, long limit);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused a malformed activity")]
    public static partial void MalformedActivity(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Refused an activity without '{Field}'")]
    public static partial void ActivityMissingField(ILogger logger, string field);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Refused an unauthenticated request: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "No handler answered invoke '{Name}'; returning 501")]
    public static partial void InvokeNotImplemented(ILogger logger, string name);

    // 200-299: inbound channel authentication.
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "The channel's OpenID metadata at {MetadataUrl} could not be read; inbound requests are refused until it can")]
    public static partial void ChannelMetadataUnavailable(this ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Signing key {KeyId} is not in the cached channel keys; fetching the keys again from {MetadataUrl}")]
    public static partial void ChannelKeysRefreshing(this ILogger logger, string keyId, Uri metadataUrl);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Signing key {KeyId} is unknown and the channel keys were fetched less than {MinimumInterval} ago; not fetching again")]
    public static partial void ChannelKeysRefreshThrottled(this ILogger logger, string keyId, TimeSpan minimumInterval);

    // 1000-1999: connector client (bot → channel).

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug,
        Message = "{Operation} to {ServiceHost} answered {StatusCode} on attempt {Attempt} after {ElapsedMs} ms (correlation {CorrelationId})")]
    public static partial void ConnectorCallSucceeded(ILogger logger, string operation, string serviceHost, int statusCode, int attempt, long elapsedMs, string? correlationId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "{Operation} to {ServiceHost} answered {StatusCode} on attempt {Attempt} (correlation {CorrelationId}); retrying in {DelayMs} ms")]
    public static partial void ConnectorCallRetrying(ILogger logger, string operation, string serviceHost, int statusCode, int attempt, long delayMs, string? correlationId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "{Operation} to {ServiceHost} could not reach the connector on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void ConnectorNetworkErrorRetrying(ILogger logger, Exception exception, string operation, string serviceHost, int attempt, long delayMs);

    // Warning, not Error: the exception that follows reaches the caller's error boundary, which logs it.
    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "{Operation} to {ServiceHost} failed with {StatusCode} ({ErrorCode}) on attempt {Attempt} (correlation {CorrelationId})")]
    public static partial void ConnectorCallFailed(ILogger logger, string operation, string serviceHost, int statusCode, string? errorCode, int attempt, string? correlationId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error,
        Message = "{Operation} to {ServiceHost} could not reach the connector after {Attempt} attempts")]
    public static partial void ConnectorNetworkErrorGaveUp(ILogger logger, Exception exception, string operation, string serviceHost, int attempt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error,
        Message = "{Operation} to {ServiceHost} answered {StatusCode} asking to wait {RetryAfterMs} ms, above the {MaxDelayMs} ms allowed; giving up (correlation {CorrelationId})")]
    public static partial void ConnectorRetryAfterTooLong(ILogger logger, string operation, string serviceHost, int statusCode, long retryAfterMs, long maxDelayMs, string? correlationId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "{Operation} refused: conversation {ConversationId} is blocked for the bot ({ErrorCode}) (correlation {CorrelationId})")]
    public static partial void ConnectorConversationBlocked(ILogger logger, string operation, string conversationId, string? errorCode, string? correlationId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "{Operation} refused before sending: service host {ServiceHost} is not allowed ({Reason})")]
    public static partial void ConnectorServiceUrlRefused(ILogger logger, string operation, string serviceHost, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "{Operation} succeeded but its body could not be read; returning no id (correlation {CorrelationId})")]
    public static partial void ConnectorUnreadableSuccessBody(ILogger logger, string operation, string? correlationId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error,
        Message = "{Operation}: the connector token could not be acquired")]
    public static partial void ConnectorTokenFailed(ILogger logger, Exception exception, string operation);
}
