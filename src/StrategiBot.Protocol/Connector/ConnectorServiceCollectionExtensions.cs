using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StrategiBot.Protocol.Connector;

/// <summary>Registers the connector client and what it depends on.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> as a typed HTTP client, the <see cref="IConnectorTokenProvider"/>
    /// chosen from <c>IOptions&lt;BotFrameworkOptions&gt;</c> (a singleton, so MSAL's token cache is shared),
    /// <see cref="ServiceUrlTrust"/> and <see cref="TimeProvider.System"/> unless already registered.
    /// Bind <see cref="BotFrameworkOptions"/> before resolving the client.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers. Do not add a retrying handler: the client retries itself.</returns>
    public static IHttpClientBuilder AddConnectorClient(this IServiceCollection services, Action<ConnectorRetryOptions>? configureRetry = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceUrlTrust>();
        services.TryAddSingleton<IConnectorTokenProvider>(provider =>
            ConnectorTokenProvider.Create(provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidation>());

        var retry = services.AddOptions<ConnectorRetryOptions>();
        if (configureRetry is not null)
        {
            retry.Configure(configureRetry);
        }

        // Per attempt: a hung connection becomes a retryable failure instead of holding the turn for 100 s.
        return services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
    }
}
