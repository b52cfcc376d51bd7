using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Connector;

/// <summary>The real HTTP path: sockets, Kestrel, headers and the request target as sent on the wire.</summary>
public sealed class ConnectorClientLoopbackTests
{
    [Fact]
    public async Task Development_mode_reaches_a_loopback_connector_without_authorization()
    {
        await using var server = await FakeConnectorServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers["MS-CV"] = "cv-1";
            await context.Response.WriteAsJsonAsync(new { id = "1700000000001" });
        });
        using var http = new HttpClient();
        var client = new ConnectorClient(http, NoTokenProvider.Instance, new ServiceUrlTrust(),
            Options.Create(new ConnectorRetryOptions()), new ManualTimeProvider(TestConnector.Start, autoAdvance: true),
            NullLogger<ConnectorClient>.Instance);
        // The Agents Playground serves its connector under a path without a trailing slash.
        var serviceUrl = new Uri(server.Address, "/_connector");

        var result = await client.ReplyToActivityAsync(serviceUrl, "19:abc@thread.tacv2;messageid=123", "1700000000000",
            new Activity { Type = ActivityTypes.Message, Text = "Strategien 🚀", ReplyToId = "1700000000000" }, CancellationToken.None);

        Assert.Equal("1700000000001", result.Id);
        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1700000000000", request.RawTarget);
        Assert.Null(request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Strategien 🚀", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_trusted_https_connector_gets_the_token_and_its_retry_after_is_honoured()
    {
        using var certificate = SelfSignedLoopbackCertificate();
        await using var server = await FakeConnectorServer.StartAsync(async (context, count) =>
        {
            if (count == 1)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "3";
                await context.Response.WriteAsync("""{"error":{"code":"Throttled","message":"slow down"}}""");
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.WriteAsJsonAsync(new { id = "m2" });
        }, certificate);

        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint;
        using var http = new HttpClient(handler);
        var serviceUrl = new Uri($"https://127.0.0.1:{server.Address.Port}/amer/");
        var trust = new ServiceUrlTrust();
        trust.Trust(serviceUrl);
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = new ConnectorClient(http, new StaticTokenProvider(TestConnector.Token), trust,
            Options.Create(new ConnectorRetryOptions()), clock, NullLogger<ConnectorClient>.Instance);

        var result = await client.UpdateActivityAsync(serviceUrl, "a:1xyz", "m2",
            new Activity { Type = ActivityTypes.Message, Text = "oppdatert" }, CancellationToken.None);

        Assert.Equal("m2", result.Id);
        Assert.Equal([TimeSpan.FromSeconds(3)], clock.RequestedDelays);
        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, request =>
        {
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/amer/v3/conversations/a%3A1xyz/activities/m2", request.RawTarget);
            Assert.Equal("Bearer " + TestConnector.Token, request.Authorization);
        });
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Re-import so Kestrel gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
