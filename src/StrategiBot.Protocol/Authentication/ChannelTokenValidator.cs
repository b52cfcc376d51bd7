using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Authentication;

/// <summary>
/// Checks that an inbound request carries a token the channel (Teams, via the Bot Connector) issued for this bot
/// and for this very activity: <c>Authorization: Bearer &lt;jwt&gt;</c>, signed RS256/384/512 by a key from the
/// channel's OpenID metadata that is endorsed for the activity's <c>channelId</c>, issued by
/// <see cref="BotFrameworkOptions.TokenIssuer"/> for <see cref="BotFrameworkOptions.MicrosoftAppId"/>, within its
/// lifetime (5 minutes clock skew), with a <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>.
/// With no app id configured (local development) requests without a token are accepted as anonymous.
/// </summary>
/// <remarks>
/// Thread-safe; register one instance for the application's lifetime, since it caches the channel's signing keys
/// (refreshed every 12 hours, and on an unknown key id at most every 5 minutes).
/// </remarks>
public sealed class ChannelTokenValidator : IChannelTokenValidator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>An unknown key id fetches the keys again, but not more often than this: random key ids must not flood the channel.</summary>
    internal static readonly TimeSpan MinimumKeyRefreshInterval = TimeSpan.FromMinutes(5);

    private const string BearerScheme = "Bearer";
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsParameter = "endorsements";
    private const string KeysUnavailable = "the channel's signing keys could not be fetched";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly string? _appId;
    private readonly string _issuer;
    private readonly Uri _metadataUrl;
    private readonly HttpDocumentRetriever _documentRetriever;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Lock _refreshGate = new();

    // Replaced whole when an unknown key id forces a fetch (see StartKeyRefresh).
    private ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private Task<OpenIdConnectConfiguration>? _refreshInFlight;
    private DateTimeOffset? _lastRefreshStarted;

    /// <summary>Creates the validator; nothing is fetched until the first token arrives.</summary>
    /// <param name="options">The bot's identity and the channel's metadata URL and issuer; read once, here.</param>
    /// <param name="httpClient">The client for the metadata and key documents (give it a short timeout); a shared default when null.</param>
    /// <param name="timeProvider">The clock for token lifetimes and refresh throttling; the system clock when null.</param>
    /// <param name="logger">Logs metadata failures and key refreshes; never tokens.</param>
    /// <exception cref="ArgumentException">
    /// The options are unusable, for example <c>BotFramework:OpenIdMetadataUrl</c> is plain http to a host that is not
    /// loopback (see <see cref="BotFrameworkOptionsValidation"/>).
    /// </exception>
    public ChannelTokenValidator(
        BotFrameworkOptions options,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        ILogger<ChannelTokenValidator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = BotFrameworkOptionsValidation.ValidateChannel(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _appId = options.IsAuthenticationDisabled ? null : options.MicrosoftAppId;
        _issuer = options.TokenIssuer;
        _metadataUrl = options.OpenIdMetadataUrl;
        _documentRetriever = httpClient is null ? new HttpDocumentRetriever() : new HttpDocumentRetriever(httpClient);
        // Validation above let plain http through only for a loopback host, i.e. a local test server.
        _documentRetriever.RequireHttps = !(_metadataUrl.Scheme == Uri.UriSchemeHttp && BotFrameworkOptionsValidation.IsLoopbackHost(_metadataUrl));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metadata = CreateConfigurationManager();
    }

    /// <inheritdoc />
    public async Task<ChannelAuthenticationResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _appId is null
                ? ChannelAuthenticationResult.Anonymous
                : ChannelAuthenticationResult.Failure("no Authorization header");
        }

        if (_appId is null)
        {
            // A sent token is never ignored, even in development; and no token can name an empty app id as its
            // audience, so there is no need to fetch keys to refuse it.
            return ChannelAuthenticationResult.Failure("a token was sent but no app id is configured to validate it against");
        }

        if (!TryReadBearerToken(authorizationHeader, out var token))
        {
            return ChannelAuthenticationResult.Failure("the Authorization header is not 'Bearer <token>'");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return ChannelAuthenticationResult.Failure("the token is not a well-formed JWT");
        }

        // Checked here as well as by the handler, which reports a refused algorithm only as an invalid signature.
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return ChannelAuthenticationResult.Failure("the token's signing algorithm is not RS256, RS384 or RS512");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            // The endorsements live on the published key, so a token must say which key signed it.
            return ChannelAuthenticationResult.Failure("the token names no signing key (kid)");
        }

        var (key, keyFailure) = await FindKeyAsync(jwt.Kid, cancellationToken);
        if (key is null)
        {
            return ChannelAuthenticationResult.Failure(keyFailure!);
        }

        var result = await _handler.ValidateTokenAsync(token, CreateValidationParameters(key.SigningKey));
        if (!result.IsValid)
        {
            return ChannelAuthenticationResult.Failure(Describe(result.Exception));
        }

        if (CheckEndorsement(key.Published, activity.ChannelId) is { } endorsementFailure)
        {
            return ChannelAuthenticationResult.Failure(endorsementFailure);
        }

        if (!jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
        {
            return ChannelAuthenticationResult.Failure("the token has no serviceurl claim");
        }

        // Compared as the SDKs do: ignoring case, nothing else normalised. This is what keeps the bot from sending
        // its own token to a URL that the channel did not vouch for.
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Failure("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return ChannelAuthenticationResult.Success(result.ClaimsIdentity);
    }

    private TokenValidationParameters CreateValidationParameters(SecurityKey signingKey) => new()
    {
        ValidIssuer = _issuer,
        ValidAudience = _appId,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        // Only the key the token names: its endorsements are the ones checked, so no other key may verify it.
        IssuerSigningKeys = [signingKey],
        TryAllIssuerSigningKeys = false,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
    };

    // Replaces IdentityModel's own lifetime check only to read the time from the TimeProvider.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is not { } validTo)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry (exp).");
        }

        if (notBefore is { } validFrom && validFrom > validTo)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = validFrom, Expires = validTo };
        }

        if (notBefore is { } notYet && notYet - ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = notYet };
        }

        if (validTo + ClockSkew < now)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = validTo };
        }

        return true;
    }

    private async Task<(ChannelKey? Key, string? Failure)> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var metadata = Volatile.Read(ref _metadata);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            _logger.ChannelMetadataUnavailable(_metadataUrl, exception);
            return (null, KeysUnavailable);
        }

        if (ChannelKey.Find(configuration, keyId) is { } cached)
        {
            return (cached, null);
        }

        if (StartKeyRefresh(metadata, keyId) is not { } refresh)
        {
            return (null, $"signing key '{keyId}' is not among the channel's published keys");
        }

        try
        {
            configuration = await refresh.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            _logger.ChannelMetadataUnavailable(_metadataUrl, exception);
            return (null, KeysUnavailable);
        }

        return ChannelKey.Find(configuration, keyId) is { } refreshed
            ? (refreshed, null)
            : (null, $"signing key '{keyId}' is not among the channel's published keys, even after fetching them again");
    }

    /// <summary>
    /// The fetch of fresh keys to wait for, or null when one was started too recently.
    /// </summary>
    /// <remarks>
    /// IdentityModel 8's <see cref="ConfigurationManager{T}.RequestRefresh"/> only schedules a background fetch, so
    /// a retry right after it would still see the old keys and refuse a request signed with a freshly rotated key.
    /// Instead a new manager is created and its first fetch, which it always awaits, is shared by every request
    /// waiting for the keys; on success it replaces the old manager (and with it the cache).
    /// </remarks>
    private Task<OpenIdConnectConfiguration>? StartKeyRefresh(ConfigurationManager<OpenIdConnectConfiguration> stale, string keyId)
    {
        lock (_refreshGate)
        {
            if (!ReferenceEquals(_metadata, stale) || _refreshInFlight is { IsCompleted: false })
            {
                // Newer keys arrived while this request looked, or are on their way.
                return _refreshInFlight;
            }

            var now = _timeProvider.GetUtcNow();
            if (_lastRefreshStarted is { } last && now - last < MinimumKeyRefreshInterval)
            {
                _logger.ChannelKeysRefreshThrottled(keyId, MinimumKeyRefreshInterval);
                return null;
            }

            _lastRefreshStarted = now;
            _logger.ChannelKeysRefreshing(keyId, _metadataUrl);
            _refreshInFlight = FetchFreshKeysAsync();
            return _refreshInFlight;
        }
    }

    private async Task<OpenIdConnectConfiguration> FetchFreshKeysAsync()
    {
        var fresh = CreateConfigurationManager();
        // Shared by every request waiting for the keys, so no single request's cancellation may stop it.
        var configuration = await fresh.GetConfigurationAsync(CancellationToken.None);
        Volatile.Write(ref _metadata, fresh);
        return configuration;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateConfigurationManager() =>
        new(_metadataUrl.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), _documentRetriever);

    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static bool TryReadBearerToken(string header, [NotNullWhen(true)] out string? token)
    {
        // Exactly one space and the case-sensitive scheme, as both official SDKs split it.
        var parts = header.Split(' ');
        token = parts is [BearerScheme, { Length: > 0 } value] ? value : null;
        return token is not null;
    }

    private static string? CheckEndorsement(JsonWebKey publishedKey, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            // The SDKs let an activity without channelId pass as "asserting nothing"; it could then borrow any key.
            return "the activity has no channelId to check the signing key's endorsements against";
        }

        var endorsements = ReadEndorsements(publishedKey);
        if (endorsements.Count == 0)
        {
            // Strict like the .NET SDK: the JS SDK accepts a key without endorsements for any channel.
            return $"signing key '{publishedKey.Kid}' carries no endorsements";
        }

        return endorsements.Contains(channelId, StringComparer.Ordinal)
            ? null
            : $"signing key '{publishedKey.Kid}' is not endorsed for channel '{channelId}'";
    }

    private static List<string> ReadEndorsements(JsonWebKey publishedKey)
    {
        // IdentityModel 8 keeps unknown JWK members as JsonElement; anything else is treated as no endorsements.
        if (!publishedKey.AdditionalData.TryGetValue(EndorsementsParameter, out var value)
            || value is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToList();
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not yet valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidLifetimeException => "the token's lifetime is invalid",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "the token's issuer is not the channel",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not allowed",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key was not found",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenMalformedException => "the token is not a well-formed JWT",
        null => "the token is invalid",
        _ => $"the token is invalid ({exception.GetType().Name})",
    };

    /// <summary>A signing key as published: the converted key verifies, the JWK carries the endorsements.</summary>
    private sealed record ChannelKey(SecurityKey SigningKey, JsonWebKey Published)
    {
        public static ChannelKey? Find(OpenIdConnectConfiguration configuration, string keyId)
        {
            var published = configuration.JsonWebKeySet?.Keys
                .Where(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal))
                .ToList();
            // Two keys under one id would make it unclear whose endorsements apply.
            if (published is not [var jsonWebKey])
            {
                return null;
            }

            var signingKey = configuration.SigningKeys.FirstOrDefault(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));
            return signingKey is null ? null : new ChannelKey(signingKey, jsonWebKey);
        }
    }
}
