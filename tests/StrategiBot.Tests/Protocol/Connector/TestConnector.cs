using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StrategiBot.Protocol.Connector;

namespace StrategiBot.Tests.Protocol.Connector;

/// <summary>A token provider that always returns the same token and counts how often it was asked.</summary>
internal sealed class StaticTokenProvider(string? token, bool sendsToken = true) : IConnectorTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool SendsToken => sendsToken;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(token);
    }
}

/// <summary>Builds a <see cref="ConnectorClient"/> over a fake handler, with a fake clock.</summary>
internal static class TestConnector
{
    public const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-connector-token.c2lnbmF0dXJl";

    public static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static readonly Uri AmerServiceUrl = new("https://smba.trafficmanager.net/amer/");

    public static ServiceUrlTrust TeamsTrust()
    {
        var trust = new ServiceUrlTrust();
        trust.Trust(new Uri("https://smba.trafficmanager.net/"));
        trust.Trust(new Uri("https://smba.infra.gcc.teams.microsoft.com/"));
        return trust;
    }

    public static ConnectorClient Create(
        HttpMessageHandler handler,
        IConnectorTokenProvider? tokens = null,
        TimeProvider? clock = null,
        ServiceUrlTrust? trust = null,
        ConnectorRetryOptions? retry = null,
        ILogger<ConnectorClient>? logger = null) =>
        new(
            new HttpClient(handler),
            tokens ?? new StaticTokenProvider(Token),
            trust ?? TeamsTrust(),
            Options.Create(retry ?? new ConnectorRetryOptions()),
            clock ?? new ManualTimeProvider(Start, autoAdvance: true),
            logger ?? NullLogger<ConnectorClient>.Instance);
}
