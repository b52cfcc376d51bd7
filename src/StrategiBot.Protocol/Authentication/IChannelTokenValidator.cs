using System.Security.Claims;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Authentication;

/// <summary>Decides whether an inbound request really comes from the channel.</summary>
public interface IChannelTokenValidator
{
    /// <summary>
    /// Validates the <c>Authorization</c> header against the activity it came with. Never throws for a bad
    /// token; the result says why it was refused.
    /// </summary>
    Task<ChannelAuthenticationResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>The outcome of validating an inbound request.</summary>
/// <param name="IsAuthenticated">True when the request may be processed.</param>
/// <param name="IsAnonymous">True when accepted without a token (local development only).</param>
/// <param name="Identity">The validated claims, when a token was checked.</param>
/// <param name="FailureReason">Why the request was refused; for logs, never for the caller.</param>
public sealed record ChannelAuthenticationResult(bool IsAuthenticated, bool IsAnonymous, ClaimsIdentity? Identity, string? FailureReason)
{
    /// <summary>Accepted without a token.</summary>
    public static ChannelAuthenticationResult Anonymous { get; } = new(true, true, null, null);

    /// <summary>Accepted with a valid channel token.</summary>
    public static ChannelAuthenticationResult Success(ClaimsIdentity identity) => new(true, false, identity, null);

    /// <summary>Refused.</summary>
    public static ChannelAuthenticationResult Failure(string reason) => new(false, false, null, reason);
}
