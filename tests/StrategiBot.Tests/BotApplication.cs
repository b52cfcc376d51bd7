using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;

namespace StrategiBot.Tests;

/// <summary>
/// The real app over the in-memory test server, with only its edges replaced: memory storage, a recording
/// connector, and whatever settings a test adds. A fresh one per test keeps tests independent.
/// </summary>
internal sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Storage:Provider"] = "Memory",
        ["MicrosoftAppId"] = "",
    };
    private readonly string _environment;

    public BotApplication(string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// The app as deployed to talk to Teams: Production, with a single-tenant app registration, and the
    /// further settings the test is about.
    /// </summary>
    public static BotApplication Production(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["MicrosoftAppTenantId"] = "tenant",
            ["MicrosoftAppPassword"] = "secret",
        };
        return new BotApplication("Production", all);
    }

    public RecordingConnector Connector { get; } = new();

    public IConnectorClient? ConnectorOverride { get; init; }

    /// <summary>Replaces the configured store: one the test holds on to, or one that fails on purpose.</summary>
    public IStateStore? StoreOverride { get; init; }

    /// <summary>A clock the test moves by hand, for idle timeouts.</summary>
    public TimeProvider? Clock { get; init; }

    public IStateStore Store => Services.GetRequiredService<IStateStore>();

    /// <summary>What the app logged.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>The pseudonymous key the bot stores an activity's sender under.</summary>
    public string UserKeyOf(Activity activity) => Services.GetRequiredService<UserKeys>().For(activity)!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(ConfigureEdges);
    }

    private void ConfigureEdges(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        services.RemoveAll<IConnectorClient>();
        services.AddSingleton(ConnectorOverride ?? Connector);
        if (StoreOverride is not null)
        {
            services.RemoveAll<IStateStore>();
            services.AddSingleton(StoreOverride);
        }
        if (Clock is not null)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
        }
    }

    /// <summary>
    /// Starts the app as <c>Program</c> does, with this application's settings and edges, and returns why
    /// the start failed. Built here rather than through <see cref="WebApplicationFactory{TEntryPoint}"/>:
    /// when the entry point's start fails, its <c>RunAsync</c> disposes the host while the factory may still
    /// be reading it, and the factory then reports an <see cref="ObjectDisposedException"/> instead.
    /// </summary>
    public async Task<Exception> StartFailureAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = _environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.AddStrategiBot();
        ConfigureEdges(builder.Services);
        try
        {
            await using var app = builder.Build();
            app.MapBot();
            await app.StartAsync();
            await app.StopAsync();
        }
        catch (Exception ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException("The app started, though a failure was expected.");
    }

    /// <summary>Posts an activity as the channel would, without a token (Development mode).</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        using var content = new ByteArrayContent(ProtocolJson.Serialize(activity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var client = CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    /// <summary>Posts with <c>expectReplies</c> and returns the replies from the response body.</summary>
    public async Task<IReadOnlyList<Activity>> ExchangeAsync(Activity activity)
    {
        using var response = await PostAsync(activity with { DeliveryMode = DeliveryModes.ExpectReplies });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<ExpectedReplies>(body, ProtocolJson.Options)?.Activities ?? [];
    }
}
