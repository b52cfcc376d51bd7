namespace StrategiBot.Protocol.Connector;

/// <summary>The connector refused a call, or kept failing after the retries allowed.</summary>
public class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException(int statusCode, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorException() : this(0, null, "The connector call failed.") { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message) : this(0, null, message) { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message, Exception innerException) : this(0, null, message, innerException) { }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>The connector's error code, e.g. <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorCode { get; }
}

/// <summary>
/// 403 from the connector: the bot was removed or blocked in this conversation. Stop sending to it.
/// </summary>
public sealed class ConversationBlockedException : ConnectorException
{
    /// <summary>Creates the exception.</summary>
    public ConversationBlockedException(string conversationId, string? errorCode, string message)
        : base(403, errorCode, message) => ConversationId = conversationId;

    /// <summary>Creates the exception.</summary>
    public ConversationBlockedException() : this(string.Empty, null, "The conversation is blocked.") { }

    /// <summary>Creates the exception.</summary>
    public ConversationBlockedException(string message) : this(string.Empty, null, message) { }

    /// <summary>Creates the exception.</summary>
    public ConversationBlockedException(string message, Exception innerException) : base(403, null, message, innerException) => ConversationId = string.Empty;

    /// <summary>The conversation that refused the bot.</summary>
    public string ConversationId { get; }
}

/// <summary>A token would have gone to a service URL that was never verified: refused before sending.</summary>
public sealed class UntrustedServiceUrlException : ConnectorException
{
    /// <summary>Creates the exception.</summary>
    public UntrustedServiceUrlException(Uri serviceUrl)
        : base(0, "UntrustedServiceUrl", $"The service URL '{serviceUrl}' did not arrive in a verified activity or configuration.") { }

    /// <summary>Creates the exception.</summary>
    public UntrustedServiceUrlException() : base("The service URL is not trusted.") { }

    /// <summary>Creates the exception.</summary>
    public UntrustedServiceUrlException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public UntrustedServiceUrlException(string message, Exception innerException) : base(message, innerException) { }
}
