using Microsoft.Extensions.Logging;

namespace StrategiBot.Protocol;

/// <summary>The protocol layer's log messages. Never log tokens, secrets or message text.</summary>
internal static partial class Log
{
    // 100-199: inbound channel authentication.
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "The channel's OpenID metadata at {MetadataUrl} could not be read; inbound requests are refused until it can")]
    public static partial void ChannelMetadataUnavailable(this ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Signing key {KeyId} is not in the cached channel keys; fetching the keys again from {MetadataUrl}")]
    public static partial void ChannelKeysRefreshing(this ILogger logger, string keyId, Uri metadataUrl);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Signing key {KeyId} is unknown and the channel keys were fetched less than {MinimumInterval} ago; not fetching again")]
    public static partial void ChannelKeysRefreshThrottled(this ILogger logger, string keyId, TimeSpan minimumInterval);
}
