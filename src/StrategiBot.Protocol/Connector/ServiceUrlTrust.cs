using System.Collections.Concurrent;

namespace StrategiBot.Protocol.Connector;

/// <summary>
/// The service URLs the bot may send its token to: those that arrived in an activity whose channel token
/// carried a matching <c>serviceurl</c> claim, and those named in configuration. Trust is by scheme and
/// host (plus port), not by path, because the connector adds regional paths.
/// </summary>
public sealed class ServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a service URL that arrived in a verified activity or in configuration.</summary>
    public void Trust(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        _trusted.TryAdd(Key(serviceUrl), 0);
    }

    /// <summary>True when a token may be sent to this URL.</summary>
    public bool IsTrusted(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return _trusted.ContainsKey(Key(serviceUrl));
    }

    private static string Key(Uri uri) => $"{uri.Scheme}://{uri.Host}:{uri.Port}";
}
