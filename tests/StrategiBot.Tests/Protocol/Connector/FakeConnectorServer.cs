using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StrategiBot.Tests.Protocol.Connector;

/// <summary>What reached the fake connector, with the request target exactly as it crossed the wire.</summary>
internal sealed record ReceivedRequest(string Method, string RawTarget, string? Authorization, string? ContentType, byte[] Body);

/// <summary>
/// A real connector stand-in: Kestrel on 127.0.0.1 with an OS-assigned port (optionally https with a given
/// certificate), recording requests and answering through <c>respond</c>.
/// </summary>
internal sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private FakeConnectorServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<FakeConnectorServer> StartAsync(Func<HttpContext, int, Task> respond, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));

        var app = builder.Build();
        var server = new FakeConnectorServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            server._received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.ContentType,
                body.ToArray()));
            await respond(context, server._received.Count);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
