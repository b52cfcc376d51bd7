using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace StrategiBot.Tests.EndToEnd;

/// <summary>
/// The whole app on a real Kestrel port on 127.0.0.1, unchanged but for memory storage, so that clients
/// outside the process (Web Chat in a browser, through offline-directline) talk to it over HTTP and its real
/// connector client posts the replies back to them.
/// </summary>
internal sealed class LiveBot : WebApplicationFactory<Program>
{
    public LiveBot()
    {
        // Port 0: the OS picks a free port, so parallel runs and a developer's own bot on 3978 never collide.
        UseKestrel(0);
    }

    /// <summary>Starts the server (once) and returns its messaging endpoint.</summary>
    public Uri Start()
    {
        StartServer();
        return new Uri(ClientOptions.BaseAddress, "api/messages");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            // No app id: Development mode accepts unsigned requests and replies only to loopback service URLs.
            ["MicrosoftAppId"] = "",
        }));
    }
}
