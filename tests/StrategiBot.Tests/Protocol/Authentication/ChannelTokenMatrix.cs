using StrategiBot.Protocol.Authentication;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Authentication;

/// <summary>
/// One inbound request to judge: how to mint its token, the activity it comes with, and the verdicts of our
/// validator and of the official JS validator (botframework-connector 4.23.3).
/// </summary>
/// <param name="Reason">A fragment of our failure reason; empty when accepted.</param>
/// <param name="Token">The token to send; null sends no Authorization header.</param>
/// <param name="Scheme">The scheme written before the token.</param>
/// <param name="DevelopmentMode">No app id configured.</param>
/// <param name="AfterKeyRotation">The signing key is published only after the validator has cached the keys.</param>
public sealed record TokenCase(
    string Name,
    bool OursAccepts,
    bool JsAccepts,
    string Reason,
    TokenSpec? Token,
    string Scheme = "Bearer",
    string? ChannelId = "msteams",
    string? ServiceUrl = ChannelMetadataServer.ServiceUrl,
    bool DevelopmentMode = false,
    bool AfterKeyRotation = false)
{
    /// <summary>True where the JS SDK is knowingly more lenient or otherwise differs; every such row says why.</summary>
    public bool IsKnownDifference => OursAccepts != JsAccepts;
}

/// <summary>A case with its token minted: the exact request both validators see.</summary>
public sealed record PreparedCase(TokenCase Case, string? AuthorizationHeader, Activity Activity);

public static class ChannelTokenMatrix
{
    private static readonly TimeSpan Minutes2 = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Minutes10 = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Minutes20 = TimeSpan.FromMinutes(20);

    public static IReadOnlyList<TokenCase> Cases { get; } =
    [
        new("valid", OursAccepts: true, JsAccepts: true, "", new TokenSpec()),
        new("valid, signed RS512", true, true, "", new TokenSpec { Algorithm = TokenAlgorithm.RS512 }),
        new("expired 2 minutes ago, within the 5-minute skew", true, true, "",
            new TokenSpec { ExpiresIn = -Minutes2, NotBeforeIn = -Minutes10 }),
        new("wrong audience", false, false, "audience", new TokenSpec { Audience = "99999999-8888-7777-6666-555555555555" }),
        new("no audience", false, false, "audience", new TokenSpec { Audience = null }),
        new("wrong issuer", false, false, "issuer", new TokenSpec { Issuer = "https://evil.example" }),
        new("issuer with a trailing slash", false, false, "issuer", new TokenSpec { Issuer = ChannelMetadataServer.Issuer + "/" }),
        new("expired 10 minutes ago", false, false, "expired", new TokenSpec { ExpiresIn = -Minutes10, NotBeforeIn = -Minutes20 }),
        new("not valid for another 10 minutes", false, false, "not yet valid", new TokenSpec { NotBeforeIn = Minutes10, ExpiresIn = Minutes20 }),
        // Known difference: jsonwebtoken checks exp only when the token has one; IdentityModel (and so the .NET SDK)
        // requires it, and a token that never expires is not something the channel sends.
        new("no exp claim", false, true, "no expiry", new TokenSpec { ExpiresIn = null }),
        new("unknown key id", false, false, "not among", new TokenSpec { SignWith = ChannelKey.Foreign, KeyId = ChannelKeyIds.Unknown }),
        new("no key id", false, false, "kid", new TokenSpec { KeyId = null }),
        new("foreign key claiming the endorsed key id", false, false, "signature", new TokenSpec { SignWith = ChannelKey.Foreign }),
        // Known difference: on an unknown kid the JS SDK fetches the keys again only when its cache is over an hour
        // old (openIdMetadata.js), so a key rotated in right after a fetch is refused for up to an hour. We fetch at
        // once (then at most every 5 minutes), as the Bot Framework docs ask for rotating keys.
        new("key rotated in after the keys were cached", true, false, "",
            new TokenSpec { SignWith = ChannelKey.Rotated, KeyId = ChannelKeyIds.Rotated }, AfterKeyRotation: true),
        new("key not endorsed for the channel", false, false, "not endorsed", new TokenSpec(), ChannelId: "webchat"),
        // Known difference: the JS SDK enforces endorsements only when the key has some (jwtTokenExtractor.js); we
        // follow the .NET SDK, which refuses a channel token whose key has none.
        new("key without endorsements", false, true, "no endorsements",
            new TokenSpec { SignWith = ChannelKey.Bare, KeyId = ChannelKeyIds.Bare }),
        // Known difference: both SDKs let an empty channelId pass the endorsement check as "asserting nothing"; that
        // would let a token signed for any channel through, so we refuse it.
        new("activity with an empty channelId", false, true, "no channelId", new TokenSpec(), ChannelId: ""),
        // Same verdict, but the JS SDK gets there by accident: channelId.trim() on undefined throws a TypeError.
        new("activity without channelId", false, false, "no channelId", new TokenSpec(), ChannelId: null),
        new("serviceUrl mismatch", false, false, "serviceurl", new TokenSpec(), ServiceUrl: "https://evil.example/"),
        // Known difference: the JS SDK compares the serviceurl claim case-sensitively; the .NET SDK, and we, ignore case.
        new("serviceUrl differs only in case", true, false, "", new TokenSpec(), ServiceUrl: ChannelMetadataServer.ServiceUrl.ToUpperInvariant()),
        new("no serviceurl claim", false, false, "no serviceurl", new TokenSpec { ServiceUrlClaim = null }),
        // Known difference: the JS SDK skips the serviceurl check when the activity has no serviceUrl; we require
        // the claim to match, and an activity without serviceUrl cannot be answered anyway.
        new("activity without serviceUrl", false, true, "does not match", new TokenSpec(), ServiceUrl: null),
        new("alg none", false, false, "algorithm", new TokenSpec { Algorithm = TokenAlgorithm.None }),
        new("valid signature, but PS256", false, false, "algorithm", new TokenSpec { Algorithm = TokenAlgorithm.PS256 }),
        new("HS256 with a random secret", false, false, "algorithm", new TokenSpec { Algorithm = TokenAlgorithm.Hs256WithRandomSecret }),
        new("HS256 keyed with the RSA public key", false, false, "algorithm", new TokenSpec { Algorithm = TokenAlgorithm.Hs256WithPublicKeyAsSecret }),
        new("no Authorization header", false, false, "no Authorization header", Token: null),
        new("Basic scheme", false, false, "Bearer", new TokenSpec(), Scheme: "Basic"),
        new("lower-case bearer scheme", false, false, "Bearer", new TokenSpec(), Scheme: "bearer"),
        new("two spaces after Bearer", false, false, "Bearer", new TokenSpec(), Scheme: "Bearer "),
        // Known difference: with no app id the JS SDK returns an anonymous identity whatever the header says; the
        // .NET SDK, and we, still validate a token that is sent (and so refuse it).
        new("development mode with a token", false, true, "no app id", new TokenSpec(), DevelopmentMode: true),
        new("development mode without a header", true, true, "", Token: null, DevelopmentMode: true),
    ];

    public static TokenCase Get(string name) => Cases.Single(testCase => testCase.Name == name);

    public static PreparedCase Prepare(TokenCase testCase, ChannelMetadataServer server, DateTimeOffset now)
    {
        var header = testCase.Token is { } spec ? $"{testCase.Scheme} {server.Mint(spec, now)}" : null;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1700000000000",
            ChannelId = testCase.ChannelId,
            ServiceUrl = testCase.ServiceUrl,
            From = new ChannelAccount { Id = "29:user", Name = "Kari Nordmann" },
            Recipient = new ChannelAccount { Id = "28:" + ChannelMetadataServer.AppId, Name = "StrategiBot" },
            Conversation = new ConversationAccount { Id = "a:conversation" },
            Text = "hei",
        };
        return new PreparedCase(testCase, header, activity);
    }

    /// <summary>Judges a prepared case with a fresh validator, so that no case depends on another's cache.</summary>
    public static async Task<ChannelAuthenticationResult> RunOursAsync(PreparedCase prepared, ChannelMetadataServer server)
    {
        var validator = server.CreateValidator(prepared.Case.DevelopmentMode);
        if (!prepared.Case.AfterKeyRotation)
        {
            return await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);
        }

        // Fill the cache first, so that the rotated key is news to the validator.
        var primer = Prepare(Get("valid"), server, DateTimeOffset.UtcNow);
        var primed = await validator.ValidateAsync(primer.AuthorizationHeader, primer.Activity, CancellationToken.None);
        Assert.True(primed.IsAuthenticated, primed.FailureReason);
        server.PublishRotatedKey();
        try
        {
            return await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);
        }
        finally
        {
            server.WithdrawRotatedKey();
        }
    }
}
