using System.Net;

namespace StrategiBot.Protocol;

/// <summary>
/// Start-up checks of <see cref="BotFrameworkOptions"/> that the protocol layer depends on. Each message names the
/// configuration key to fix, so the host can fail fast with it (for example from an <c>IValidateOptions</c>).
/// </summary>
public static class BotFrameworkOptionsValidation
{
    /// <summary>The configuration key of <see cref="BotFrameworkOptions.OpenIdMetadataUrl"/>.</summary>
    public const string OpenIdMetadataUrlKey = "BotFramework:OpenIdMetadataUrl";

    /// <summary>The configuration key of <see cref="BotFrameworkOptions.TokenIssuer"/>.</summary>
    public const string TokenIssuerKey = "BotFramework:TokenIssuer";

    /// <summary>Every problem found in <paramref name="options"/>; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Validate(BotFrameworkOptions options)
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
}
