using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StrategiBot.Protocol.Hosting;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotEndpointExtensions
{
    /// <summary>Maps POST <paramref name="pattern"/> to the <see cref="ActivityEndpoint"/>; other methods get 405.</summary>
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (HttpContext http, ActivityEndpoint endpoint) => endpoint.ProcessAsync(http))
            .DisableAntiforgery();
    }
}
