using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace StrategiBot.Tests.Protocol.Connector;

/// <summary>What the client sent, captured before the content is disposed.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Uri, string? Authorization, string? ContentType, string? Body);

/// <summary>A fake connector inside the HttpClient: records every request and answers from a script, in order.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<HttpRequestMessage, HttpResponseMessage>? _fallback;

    public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage>? fallback = null) => _fallback = fallback;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public ScriptedHandler Respond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler Throw(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsoluteUri,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body));

        if (_script.TryDequeue(out var step))
        {
            return step(request);
        }

        return _fallback?.Invoke(request) ?? throw new InvalidOperationException($"No scripted response left for {request.Method} {request.RequestUri}.");
    }
}
