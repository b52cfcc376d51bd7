using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StrategiBot.Protocol;
using StrategiBot.Protocol.Authentication;

namespace StrategiBot.Tests.Protocol.Authentication;

/// <summary>
/// The channel's side on loopback: a real Kestrel server publishing OpenID metadata and a JWKS, plus the private
/// keys to mint tokens with. Keys are generated per instance, so nothing secret is checked in.
/// </summary>
public sealed class ChannelMetadataServer : IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Issuer = BotFrameworkOptions.PublicCloudTokenIssuer;
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly Dictionary<ChannelKey, RSA> _keys = Enum.GetValues<ChannelKey>().ToDictionary(key => key, _ => RSA.Create(2048));
    private WebApplication? _app;
    private int _keySetRequests;
    private volatile bool _rotatedKeyPublished;

    /// <summary>The OpenID metadata document, e.g. <c>http://127.0.0.1:40123/openid</c>.</summary>
    public Uri MetadataUrl { get; private set; } = null!;

    /// <summary>A metadata URL on the same server that answers 404.</summary>
    public Uri MissingMetadataUrl { get; private set; } = null!;

    /// <summary>POSTing here publishes <see cref="ChannelKey.Rotated"/>; lets the JS oracle replay a key rotation.</summary>
    public Uri PublishRotatedKeyUrl { get; private set; } = null!;

    /// <summary>How often the JWKS was fetched, to observe caching and refreshes.</summary>
    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/openid", (HttpContext context) => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"http://{context.Request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref _keySetRequests);
            return Results.Json(KeySet());
        });
        app.MapPost("/control/publish-rotated-key", () =>
        {
            PublishRotatedKey();
            return Results.NoContent();
        });
        await app.StartAsync();
        _app = app;

        var root = new Uri(app.Urls.Single());
        MetadataUrl = new Uri(root, "/openid");
        MissingMetadataUrl = new Uri(root, "/missing/openid");
        PublishRotatedKeyUrl = new Uri(root, "/control/publish-rotated-key");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    public void PublishRotatedKey() => _rotatedKeyPublished = true;

    public void WithdrawRotatedKey() => _rotatedKeyPublished = false;

    public BotFrameworkOptions Options(bool developmentMode = false, Uri? metadataUrl = null) => new()
    {
        MicrosoftAppId = developmentMode ? "" : AppId,
        OpenIdMetadataUrl = metadataUrl ?? MetadataUrl,
        TokenIssuer = Issuer,
    };

    public ChannelTokenValidator CreateValidator(bool developmentMode = false, TimeProvider? timeProvider = null, Uri? metadataUrl = null) =>
        new(Options(developmentMode, metadataUrl), httpClient: null, timeProvider);

    /// <summary>Signs a token as <paramref name="spec"/> describes, relative to <paramref name="now"/>.</summary>
    public string Mint(TokenSpec spec, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrlClaim is { } serviceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var expires = spec.ExpiresIn is { } expiresIn ? now + expiresIn : (DateTimeOffset?)null;
        var notBefore = now + spec.NotBeforeIn;
        return spec.Algorithm switch
        {
            TokenAlgorithm.None => Craft(spec, "none", expires, notBefore, claims, _ => []),
            TokenAlgorithm.Hs256WithRandomSecret => Craft(spec, "HS256", expires, notBefore, claims, HmacWith(RandomNumberGenerator.GetBytes(32))),
            // The classic algorithm-confusion attack: HMAC keyed with the RSA public key the verifier holds.
            TokenAlgorithm.Hs256WithPublicKeyAsSecret => Craft(spec, "HS256", expires, notBefore, claims,
                HmacWith(Encoding.ASCII.GetBytes(_keys[spec.SignWith].ExportSubjectPublicKeyInfoPem()))),
            _ => Sign(spec, expires, notBefore, claims),
        };
    }

    private string Sign(TokenSpec spec, DateTimeOffset? expires, DateTimeOffset notBefore, Dictionary<string, object> claims)
    {
        var algorithm = spec.Algorithm switch
        {
            TokenAlgorithm.RS512 => SecurityAlgorithms.RsaSha512,
            TokenAlgorithm.PS256 => SecurityAlgorithms.RsaSsaPssSha256,
            _ => SecurityAlgorithms.RsaSha256,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires?.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[spec.SignWith]) { KeyId = spec.KeyId }, algorithm),
        };
        // Otherwise the handler fills in a missing exp, and the "no exp" case could not be written.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(descriptor);
        return spec.KeyId is null ? WithoutKeyId(token) : token;
    }

    private static string Craft(
        TokenSpec spec, string algorithm, DateTimeOffset? expires, DateTimeOffset notBefore, Dictionary<string, object> claims, Func<byte[], byte[]> sign)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (spec.KeyId is { } keyId)
        {
            header["kid"] = keyId;
        }

        var payload = new JsonObject { ["iss"] = spec.Issuer, ["nbf"] = notBefore.ToUnixTimeSeconds(), ["iat"] = notBefore.ToUnixTimeSeconds() };
        if (spec.Audience is { } audience)
        {
            payload["aud"] = audience;
        }

        if (expires is { } exp)
        {
            payload["exp"] = exp.ToUnixTimeSeconds();
        }

        foreach (var (name, value) in claims)
        {
            payload[name] = JsonValue.Create(value.ToString());
        }

        var signingInput = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    private static Func<byte[], byte[]> HmacWith(byte[] secret) => input => HMACSHA256.HashData(secret, input);

    private static string WithoutKeyId(string token)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header.Remove("kid");
        // Re-signing is not needed: the token must be refused before its signature is looked at.
        return string.Join('.', [Base64UrlEncoder.Encode(header.ToJsonString()), parts[1], parts[2]]);
    }

    private JsonObject KeySet()
    {
        var keys = new JsonArray
        {
            Jwk(ChannelKey.Endorsed, ChannelKeyIds.Endorsed, ["msteams", "skype"]),
            Jwk(ChannelKey.Bare, ChannelKeyIds.Bare, endorsements: null),
        };
        if (_rotatedKeyPublished)
        {
            keys.Add(Jwk(ChannelKey.Rotated, ChannelKeyIds.Rotated, ["msteams"]));
        }

        return new JsonObject { ["keys"] = keys };
    }

    private JsonObject Jwk(ChannelKey key, string keyId, string[]? endorsements)
    {
        var parameters = _keys[key].ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(endorsement => JsonValue.Create(endorsement))]);
        }

        return jwk;
    }
}

/// <summary>The RSA key pairs the server holds.</summary>
public enum ChannelKey
{
    /// <summary>Published, endorsed for msteams and skype.</summary>
    Endorsed,
    /// <summary>Published without endorsements.</summary>
    Bare,
    /// <summary>Published only after <see cref="ChannelMetadataServer.PublishRotatedKey"/>, endorsed for msteams.</summary>
    Rotated,
    /// <summary>Never published: an attacker's key.</summary>
    Foreign,
}

public static class ChannelKeyIds
{
    public const string Endorsed = "endorsed-key";
    public const string Bare = "bare-key";
    public const string Rotated = "rotated-key";
    public const string Unknown = "never-published-key";
}

public enum TokenAlgorithm
{
    RS256,
    RS512,
    /// <summary>RSA-PSS: a sound signature by the right key, in an algorithm the channel does not use.</summary>
    PS256,
    None,
    Hs256WithRandomSecret,
    Hs256WithPublicKeyAsSecret,
}

/// <summary>How to mint one token; the defaults make a token the channel would send.</summary>
public sealed record TokenSpec
{
    public ChannelKey SignWith { get; init; } = ChannelKey.Endorsed;

    /// <summary>The <c>kid</c> header; null leaves it out.</summary>
    public string? KeyId { get; init; } = ChannelKeyIds.Endorsed;

    public TokenAlgorithm Algorithm { get; init; } = TokenAlgorithm.RS256;

    public string Issuer { get; init; } = ChannelMetadataServer.Issuer;

    public string? Audience { get; init; } = ChannelMetadataServer.AppId;

    /// <summary>exp relative to now; null leaves exp out.</summary>
    public TimeSpan? ExpiresIn { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>nbf relative to now.</summary>
    public TimeSpan NotBeforeIn { get; init; } = TimeSpan.FromMinutes(-1);

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrlClaim { get; init; } = ChannelMetadataServer.ServiceUrl;
}
