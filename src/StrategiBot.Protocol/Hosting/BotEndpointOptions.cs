namespace StrategiBot.Protocol.Hosting;

/// <summary>Limits of the <c>/api/messages</c> endpoint.</summary>
public sealed class BotEndpointOptions
{
    /// <summary>The largest request body accepted; larger requests get 413. The channel's own messages are far smaller.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
