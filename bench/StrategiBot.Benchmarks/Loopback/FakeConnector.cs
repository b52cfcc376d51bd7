using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>
/// Stands in for the Teams connector: accepts the bots' replies on 127.0.0.1 and stamps when each
/// arrives. Every benchmark message gets its own conversation id, so the conversation alone tells
/// which send a reply belongs to, whatever activity path the bot chose.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _pending = new(StringComparer.Ordinal);
    private long _replyCount;
    private long _unexpectedCount;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put on inbound activities; ends with a slash as Teams' do.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Calls that matched no waiting message: late replies, second replies, other connector APIs.</summary>
    public long UnexpectedCount => Interlocked.Read(ref _unexpectedCount);

    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var connector = new FakeConnector(builder.Build());
        connector._app.Run(connector.HandleAsync);
        await connector._app.StartAsync(cancellationToken);

        var address = connector._app.Urls.Single();
        // The region segment mirrors Teams' real serviceUrls (…/amer/), so bots must keep the base path.
        connector.ServiceUrl = new Uri(new Uri(address), "/amer/");
        return connector;
    }

    /// <summary>Arms a wait for the first message activity into <paramref name="conversationId"/>; resolves to its arrival timestamp.</summary>
    public Task<long> ExpectReply(string conversationId)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(conversationId, waiter))
        {
            throw new InvalidOperationException($"Conversation {conversationId} is already awaited.");
        }
        return waiter.Task;
    }

    /// <summary>Drops a wait that timed out or whose send failed, so a late reply counts as unexpected.</summary>
    public void Forget(string conversationId) => _pending.TryRemove(conversationId, out _);

    private async Task HandleAsync(HttpContext context)
    {
        var conversationId = ConversationIdFromPath(context.Request.Path);
        string? type = null;
        if (HttpMethods.IsPost(context.Request.Method) && conversationId is not null)
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("type", out var typeElement)
                && typeElement.ValueKind == JsonValueKind.String)
            {
                type = typeElement.GetString();
            }
        }
        // Stamped once the whole reply is in: that is when a real connector could act on it.
        var arrived = Stopwatch.GetTimestamp();

        // Typing indicators and the like are not the answer the user waits for.
        if (type == "message" && conversationId is not null && _pending.TryRemove(conversationId, out var waiter))
        {
            waiter.TrySetResult(arrived);
        }
        else
        {
            Interlocked.Increment(ref _unexpectedCount);
        }

        var id = Interlocked.Increment(ref _replyCount);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"reply-{{id}}"}""", context.RequestAborted);
    }

    // …/v3/conversations/{conversationId}/activities[/{activityId}]; Request.Path is already unescaped.
    private static string? ConversationIdFromPath(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(segments, "conversations");
        return index >= 0 && index + 2 < segments.Length && segments[index + 2] == "activities"
            ? segments[index + 1]
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
