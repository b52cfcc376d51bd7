using Microsoft.Extensions.Options;
using StrategiBot.Checklists;
using StrategiBot.Conversation;
using StrategiBot.Dialogs;
using StrategiBot.Feedback;
using StrategiBot.Hosting;
using StrategiBot.Planning;
using StrategiBot.Protocol;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot;

/// <summary>The whole app in two calls: what it needs (<see cref="AddStrategiBot"/>) and what it serves (<see cref="MapBot"/>).</summary>
internal static class StrategiBotExtensions
{
    /// <summary>Local development talks to the Emulator, Web Chat or the Agents Playground on this port.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder AddStrategiBot(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        services.AddBotFrameworkProtocol(builder.Configuration, builder.Environment);
        services.AddStorage();
        services.AddKnowledge();
        services.AddChecklists();
        services.AddDialogs();
        services.AddPlanning();
        services.AddSingleton<FeedbackRecorder>();
        services.AddConversation();
        return builder;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        var framework = app.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (framework.IsAuthenticationDisabled)
        {
            Log.DevelopmentMode(app.Logger);
        }
        else
        {
            if (!app.Services.GetRequiredService<UserKeys>().IsKeyed)
            {
                Log.UserKeysWithoutSecret(app.Logger);
            }
            // A deployment's refusals end in its contact; the embedded defaults run locally without one.
            var organisation = app.Services.GetRequiredService<KnowledgeBase>().Organisation(app.Services.GetRequiredService<IOptions<BotOptions>>().Value.Organisation);
            if (organisation is { ContactEmail: null, ContactPhone: null, ContactUrl: null })
            {
                Log.ContactWithoutReach(app.Logger, organisation.Id, organisation.ContactUnit);
            }
        }

        app.MapBotMessages("/api/messages");
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok")));
        return app;
    }

    /// <summary>The configured state store; the <c>feedback</c> command reads the same one as the server.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IStateStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Memory => new MemoryStateStore(),
                _ => new SqliteStateStore(options.ResolveSqliteConnectionString()),
            };
        });
        return services;
    }

    private static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Organisation), "Bot:Organisation is empty; set it to a content pack id such as 'ostre-toten'.")
            .Validate(o => o.TurnTimeout > TimeSpan.Zero, "Bot:TurnTimeout must be positive.")
            .Validate(o => o.MaxMessageLength > 0, "Bot:MaxMessageLength must be positive.")
            .Validate(o => string.IsNullOrEmpty(o.UserKeySecret) || o.UserKeySecret.Length >= UserKeys.MinSecretLength,
                $"Bot:UserKeySecret must be at least {UserKeys.MinSecretLength} characters (or not set).")
            .ValidateOnStart();
        services.AddSingleton<UserKeys>();
        services.AddSingleton<CommandOffers>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<IBot, TurnHandler>();
        return services;
    }

    private sealed record HealthReport(string Status);
}
