namespace StrategiBot.Protocol;

/// <summary>
/// The bot's identity and the channel's authentication settings, under the configuration names the
/// Bot Framework uses (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, …) so existing deployments carry over.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The public cloud's channel OpenID metadata document.</summary>
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of channel tokens in the public cloud.</summary>
    public const string PublicCloudTokenIssuer = "https://api.botframework.com";

    /// <summary>The scope of the bot's outbound tokens in the public cloud.</summary>
    public const string PublicCloudConnectorScope = "https://api.botframework.com/.default";

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The bot's Microsoft App ID (for UserAssignedMSI: the identity's client id). Empty only in local development.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret, for MultiTenant and SingleTenant.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant, required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the channel's signing keys are published; an <c>http</c> URL is accepted only for a loopback host.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(PublicCloudOpenIdMetadataUrl);

    /// <summary>The issuer channel tokens must carry.</summary>
    public string TokenIssuer { get; set; } = PublicCloudTokenIssuer;

    /// <summary>The scope of outbound connector tokens.</summary>
    public string ConnectorScope { get; set; } = PublicCloudConnectorScope;

    /// <summary>
    /// True when no app id is configured: requests without a token are accepted and no token is sent.
    /// The host allows this only in the Development environment.
    /// </summary>
    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How the bot authenticates to the connector.</summary>
public enum BotAppType
{
    /// <summary>A client secret against the botframework.com tenant (existing multi-tenant bots).</summary>
    MultiTenant,
    /// <summary>A client secret against the bot's own tenant.</summary>
    SingleTenant,
    /// <summary>A user-assigned managed identity; no secret.</summary>
    UserAssignedMSI,
}
