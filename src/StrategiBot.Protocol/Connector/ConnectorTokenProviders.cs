using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace StrategiBot.Protocol.Connector;

/// <summary>Supplies the bearer token the bot sends to the connector. Implementations are thread-safe singletons.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// True when this provider attaches a token. <see cref="ConnectorClient"/> then sends only to trusted https
    /// service URLs; when false (local development) it sends only to loopback.
    /// </summary>
    bool SendsToken { get; }

    /// <summary>A valid access token, or null when none is to be sent. Cached by the provider.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local development without an app id: no token is ever sent.</summary>
public sealed class NoTokenProvider : IConnectorTokenProvider
{
    private NoTokenProvider() { }

    /// <summary>The single instance.</summary>
    public static NoTokenProvider Instance { get; } = new();

    /// <inheritdoc />
    public bool SendsToken => false;

    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>
/// Client-credentials tokens (MultiTenant, SingleTenant) through MSAL. Keep one instance per app: MSAL's app
/// token cache lives in the <see cref="IConfidentialClientApplication"/> and refreshes before expiry.
/// </summary>
/// <param name="application">The confidential client, built once.</param>
/// <param name="scope">The connector scope, e.g. <c>https://api.botframework.com/.default</c>.</param>
public sealed class MsalConnectorTokenProvider(IConfidentialClientApplication application, string scope) : IConnectorTokenProvider
{
    private readonly string[] _scopes = [scope];

    /// <inheritdoc />
    public bool SendsToken => true;

    /// <inheritdoc />
    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}

/// <summary>Tokens from a user-assigned managed identity (UserAssignedMSI) through MSAL; no secret involved.</summary>
/// <param name="application">The managed identity application, built once (it holds the token cache).</param>
/// <param name="resource">The connector resource, e.g. <c>https://api.botframework.com</c> (no <c>/.default</c>).</param>
public sealed class ManagedIdentityConnectorTokenProvider(IManagedIdentityApplication application, string resource) : IConnectorTokenProvider
{
    /// <inheritdoc />
    public bool SendsToken => true;

    /// <inheritdoc />
    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}

/// <summary>Chooses the token provider for the configured <see cref="BotFrameworkOptions.MicrosoftAppType"/>.</summary>
public static class ConnectorTokenProvider
{
    /// <summary>The Entra instance of the public cloud.</summary>
    public const string PublicCloudInstance = "https://login.microsoftonline.com/";

    /// <summary>The tenant multi-tenant bots get their tokens from.</summary>
    public const string MultiTenantBotTenant = "botframework.com";

    /// <summary>
    /// The provider for <paramref name="options"/>: none when no app id is configured (development), MSAL client
    /// credentials for MultiTenant and SingleTenant, MSAL managed identity for UserAssignedMSI. Call once and keep
    /// the result as a singleton. Throws <see cref="InvalidOperationException"/> listing every invalid setting.
    /// </summary>
    public static IConnectorTokenProvider Create(BotFrameworkOptions options) => Create(options, httpClientFactory: null);

    // The HTTP seam lets tests answer MSAL's token requests without reaching Entra.
    internal static IConnectorTokenProvider Create(BotFrameworkOptions options, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = BotFrameworkOptionsValidation.Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The Bot Framework settings are invalid: " + string.Join(" ", errors));
        }

        if (options.IsAuthenticationDisabled)
        {
            return NoTokenProvider.Instance;
        }

        var appId = options.MicrosoftAppId!;
        switch (options.MicrosoftAppType)
        {
            case BotAppType.UserAssignedMSI:
                var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId));
                if (httpClientFactory is not null)
                {
                    identity = identity.WithHttpClientFactory(httpClientFactory);
                }

                return new ManagedIdentityConnectorTokenProvider(identity.Build(), ResourceOf(options.ConnectorScope));

            default:
                var tenant = options.MicrosoftAppType == BotAppType.SingleTenant ? options.MicrosoftAppTenantId! : MultiTenantBotTenant;
                var client = ConfidentialClientApplicationBuilder.Create(appId)
                    .WithClientSecret(options.MicrosoftAppPassword)
                    .WithAuthority(PublicCloudInstance + tenant);
                if (httpClientFactory is not null)
                {
                    client = client.WithHttpClientFactory(httpClientFactory);
                }

                return new MsalConnectorTokenProvider(client.Build(), options.ConnectorScope);
        }
    }

    // Managed identity endpoints take a resource, not a scope.
    internal static string ResourceOf(string scope) =>
        scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope[..^"/.default".Length] : scope;
}
