namespace StrategiBot.Protocol.Connector;

/// <summary>
/// How <see cref="ConnectorClient"/> retries throttled and transient failures (429, 412, 502, 503, 504 and
/// network errors). Other statuses are never retried: resending an unchanged request cannot fix them.
/// </summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt (default 3, so at most 4 attempts). 0 disables retrying.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The back-off before the first retry when the connector gives no <c>Retry-After</c>; doubles per retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait. Back-off is capped here; a <c>Retry-After</c> above it ends the call with a
    /// <see cref="ConnectorException"/> instead of holding the caller (and its turn) for that long.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void EnsureValid()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 10, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }
}
