using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategiBot.Protocol.Authentication;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Hosting;

/// <summary>
/// What the SDK's adapter did: reads one POSTed activity (bounded), authenticates it before any side effect,
/// runs the bot's turn and writes the HTTP answer (200, the invoke response, or the expected replies).
/// </summary>
public sealed class ActivityEndpoint(
    IChannelTokenValidator validator,
    IConnectorClient connector,
    ServiceUrlTrust serviceUrlTrust,
    IBot bot,
    IOptions<BotEndpointOptions> options,
    ILogger<ActivityEndpoint> logger)
{
    /// <summary>Processes one request to the messaging endpoint.</summary>
    public async Task<IResult> ProcessAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cancellationToken = http.RequestAborted;
        var limit = options.Value.MaxRequestBodyBytes;

        if (http.Request.ContentLength > limit)
        {
            Log.RequestTooLarge(logger, http.Request.ContentLength.Value, limit);
            return TooLarge(limit);
        }

        var body = await ReadBoundedAsync(http.Request.Body, limit, cancellationToken);
        if (body is null)
        {
            Log.RequestTooLarge(logger, -1, limit);
            return TooLarge(limit);
        }

        Activity? activity;
        try
        {
            activity = ProtocolJson.DeserializeActivity(body);
        }
        catch (JsonException ex)
        {
            Log.MalformedActivity(logger, ex);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed activity",
                detail: $"The body is not valid activity JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
        }

        if (!IsComplete(activity, out var missing))
        {
            Log.ActivityMissingField(logger, missing);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed activity",
                detail: missing == "serviceUrl" && !string.IsNullOrWhiteSpace(activity?.ServiceUrl)
                    ? "The activity's 'serviceUrl' is not an absolute http(s) URL."
                    : $"The activity has no '{missing}'.");
        }

        // A client may not claim a caller identity; the channel's token is the only authority.
        activity = activity with { CallerId = null };

        var auth = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, cancellationToken);
        if (!auth.IsAuthenticated)
        {
            Log.Unauthorized(logger, auth.FailureReason ?? "unknown");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (!auth.IsAnonymous && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var verifiedServiceUrl))
        {
            // The token's serviceurl claim matched this URL, so the connector may receive our token there.
            serviceUrlTrust.Trust(verifiedServiceUrl);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
        });

        var turn = new TurnContext(activity, auth.IsAnonymous, connector);
        await bot.OnTurnAsync(turn, cancellationToken);

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            if (turn.InvokeResponse is not { } invoke)
            {
                Log.InvokeNotImplemented(logger, activity.Name ?? "(none)");
                return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
            }
            return invoke.Body is { } invokeBody
                ? TypedResults.Json(invokeBody, statusCode: invoke.Status)
                : TypedResults.StatusCode(invoke.Status);
        }

        if (turn.BuffersReplies)
        {
            return TypedResults.Json(new ExpectedReplies(turn.BufferedReplies), ProtocolJson.Options);
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// Whether the activity has what every turn needs: a type, where replies go (a serviceUrl that is not an
    /// absolute http(s) URL is as good as none; on Unix "/x" parses as a file URL), and for a message or invoke
    /// who sent it. Otherwise the first field missing: refused here, the channel learns what is wrong;
    /// accepted, the turn would fail half-way.
    /// </summary>
    private static bool IsComplete([NotNullWhen(true)] Activity? activity, [NotNullWhen(false)] out string? missing)
    {
        missing = activity switch
        {
            null => "type",
            _ when string.IsNullOrWhiteSpace(activity.Type) => "type",
            _ when string.IsNullOrEmpty(activity.Conversation?.Id) => "conversation.id",
            _ when !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") => "serviceUrl",
            { Type: ActivityTypes.Message or ActivityTypes.Invoke } when string.IsNullOrEmpty(activity.From?.Id) => "from.id",
            _ => null,
        };
        return missing is null;
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Activity too large",
        detail: $"The body exceeds {limit} bytes.");

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
