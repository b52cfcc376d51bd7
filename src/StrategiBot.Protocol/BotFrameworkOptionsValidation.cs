using System.Net;
using Microsoft.Extensions.Options;

namespace StrategiBot.Protocol;

/// <summary>
/// Checks <see cref="BotFrameworkOptions"/> before anything uses them, so a missing secret shows up at start-up
/// and names the key to set instead of surfacing as a 401 on the first reply. Register it as
/// <c>IValidateOptions&lt;BotFrameworkOptions&gt;</c> with <c>ValidateOnStart()</c>, or call <see cref="Validate(BotFrameworkOptions)"/>.
/// </summary>
public sealed class BotFrameworkOptionsValidation : IValidateOptions<BotFrameworkOptions>
{
    /// <summary>Every problem with the settings, inbound and outbound, each naming the key to fix; empty when usable.</summary>
    public static IReadOnlyList<string> Validate(BotFrameworkOptions options) =>
        [.. ValidateChannel(options), .. ValidateCredentials(options)];

    /// <summary>The configuration key of <see cref="BotFrameworkOptions.OpenIdMetadataUrl"/>.</summary>
    public const string OpenIdMetadataUrlKey = "BotFramework:OpenIdMetadataUrl";

    /// <summary>The configuration key of <see cref="BotFrameworkOptions.TokenIssuer"/>.</summary>
    public const string TokenIssuerKey = "BotFramework:TokenIssuer";

    /// <summary>Every problem with the inbound (channel token) settings, each naming the key to fix.</summary>
    public static IReadOnlyList<string> ValidateChannel(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (ValidateOpenIdMetadataUrl(options.OpenIdMetadataUrl) is { } metadataError)
        {
            errors.Add(metadataError);
        }

        if (string.IsNullOrWhiteSpace(options.TokenIssuer))
        {
            errors.Add($"{TokenIssuerKey} must name the issuer of channel tokens (public cloud: {BotFrameworkOptions.PublicCloudTokenIssuer}).");
        }

        return errors;
    }

    /// <summary>
    /// Null when <paramref name="url"/> may serve the channel's signing keys: an absolute <c>https</c> URL, or an
    /// <c>http</c> URL whose host is loopback (127.0.0.0/8, ::1, localhost), which only local tests use.
    /// Otherwise the reason, naming <see cref="OpenIdMetadataUrlKey"/>.
    /// </summary>
    public static string? ValidateOpenIdMetadataUrl(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return $"{OpenIdMetadataUrlKey} must be an absolute https URL (public cloud: {BotFrameworkOptions.PublicCloudOpenIdMetadataUrl}).";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(url))
        {
            return null;
        }

        // Whoever can answer a plain-http metadata request can publish their own signing keys and so forge any token.
        return $"{OpenIdMetadataUrlKey} must use https; plain http is accepted only for a loopback host (127.0.0.0/8, ::1, localhost), got '{url.Scheme}://{url.Host}'.";
    }

    /// <summary>True for a literal loopback address (127.0.0.0/8, ::1) or the name <c>localhost</c>.</summary>
    internal static bool IsLoopbackHost(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']');
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every problem with the credentials for outbound calls, each naming the key to fix.</summary>
    public static IReadOnlyList<string> ValidateCredentials(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!Enum.IsDefined(options.MicrosoftAppType))
        {
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
        {
            errors.Add("ConnectorScope is empty; set it to the connector's scope, e.g. https://api.botframework.com/.default.");
        }

        if (options.IsAuthenticationDisabled)
        {
            // A secret without an app id is almost always a forgotten MicrosoftAppId, and would otherwise
            // silently switch the bot into unauthenticated development mode.
            if (hasPassword)
            {
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId, or remove the password to run in local development mode.");
            }

            return errors;
        }

        switch (options.MicrosoftAppType)
        {
            case BotAppType.MultiTenant:
                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                }

                break;
            case BotAppType.SingleTenant:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant (the Entra tenant the bot is registered in).");
                }

                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                }

                if (hasPassword)
                {
                    errors.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: a managed identity has no secret.");
                }

                break;
        }

        return errors;
    }

    ValidateOptionsResult IValidateOptions<BotFrameworkOptions>.Validate(string? name, BotFrameworkOptions options)
    {
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
