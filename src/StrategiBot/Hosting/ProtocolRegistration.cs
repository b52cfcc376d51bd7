using Microsoft.Extensions.Options;
using StrategiBot.Protocol;
using StrategiBot.Protocol.Authentication;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Hosting;

namespace StrategiBot.Hosting;

/// <summary>
/// Wires the protocol layer: Bot Framework settings under their usual root names (<c>MicrosoftAppId</c>, …)
/// plus the <c>BotFramework</c> section, checked at start-up.
/// </summary>
internal static class ProtocolRegistration
{
    private const string OpenIdClient = "BotFramework.OpenIdMetadata";

    public static IServiceCollection AddBotFrameworkProtocol(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Configure(o =>
            {
                configuration.Bind(o);
                configuration.GetSection("BotFramework").Bind(o);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>>(new BotFrameworkOptionsCheck(environment));
        services.AddOptions<BotEndpointOptions>().BindConfiguration("BotFramework:Endpoint");

        services.AddSingleton<ServiceUrlTrust>();
        services.AddHttpClient(OpenIdClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IChannelTokenValidator>(sp => new ChannelTokenValidator(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ChannelTokenValidator>>()));
        services.AddConnectorClient();
        services.AddSingleton<ActivityEndpoint>();
        return services;
    }

    private sealed class BotFrameworkOptionsCheck(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            var errors = new List<string>();
            if (options.IsAuthenticationDisabled)
            {
                if (!environment.IsDevelopment())
                {
                    errors.Add($"MicrosoftAppId is empty. Set MicrosoftAppId (with MicrosoftAppPassword or a managed identity) for the Bot Service, or run with ASPNETCORE_ENVIRONMENT=Development for local testing without authentication (environment is now '{environment.EnvironmentName}').");
                }
            }
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
