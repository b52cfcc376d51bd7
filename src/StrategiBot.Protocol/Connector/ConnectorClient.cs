using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API over <see cref="HttpClient"/>. Thread-safe; register as a typed HTTP client.
/// <list type="bullet">
/// <item>A token goes only to https service URLs that <see cref="ServiceUrlTrust"/> approves; with a provider that
/// sends no token (development) only loopback service URLs are called. Anything else throws
/// <see cref="UntrustedServiceUrlException"/> before any HTTP request.</item>
/// <item>429, 412, 502, 503, 504 and network errors are retried within <see cref="ConnectorRetryOptions"/>,
/// honouring <c>Retry-After</c>; other failures throw at once.</item>
/// <item>403 throws <see cref="ConversationBlockedException"/>; other failures <see cref="ConnectorException"/>.</item>
/// </list>
/// </summary>
/// <param name="httpClient">The client to send with; its handler pipeline must not retry on its own.</param>
/// <param name="tokenProvider">The bot's outbound token source, a singleton.</param>
/// <param name="serviceUrlTrust">The service URLs verified in inbound activities or named in configuration.</param>
/// <param name="retryOptions">Retry bounds.</param>
/// <param name="timeProvider">The clock for back-off delays and <c>Retry-After</c> dates.</param>
/// <param name="logger">Receives statuses, attempts and correlation ids; never tokens or message text.</param>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IConnectorTokenProvider tokenProvider,
    ServiceUrlTrust serviceUrlTrust,
    IOptions<ConnectorRetryOptions> retryOptions,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    // A resource response is a few dozen bytes; anything near this is not one.
    private const int MaxSuccessBodyBytes = 1024 * 1024;
    // Only the error code and message are read from error bodies.
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxErrorMessageChars = 300;

    private readonly ConnectorRetryOptions _retry = ValidRetryOptions(retryOptions);

    /// <inheritdoc />
    public async Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        var body = await SendAsync("ReplyToActivity", HttpMethod.Post, serviceUrl, path, ProtocolJson.Serialize(activity), conversationId, cancellationToken);
        return Parse(body, ProtocolJsonContext.Wire.ResourceResponse, new ResourceResponse(null), "ReplyToActivity");
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities";
        var body = await SendAsync("SendToConversation", HttpMethod.Post, serviceUrl, path, ProtocolJson.Serialize(activity), conversationId, cancellationToken);
        return Parse(body, ProtocolJsonContext.Wire.ResourceResponse, new ResourceResponse(null), "SendToConversation");
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        var body = await SendAsync("UpdateActivity", HttpMethod.Put, serviceUrl, path, ProtocolJson.Serialize(activity), conversationId, cancellationToken);
        return Parse(body, ProtocolJsonContext.Wire.ResourceResponse, new ResourceResponse(null), "UpdateActivity");
    }

    /// <inheritdoc />
    public async Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        await SendAsync("DeleteActivity", HttpMethod.Delete, serviceUrl, path, body: null, conversationId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var json = JsonSerializer.SerializeToUtf8Bytes(parameters, ProtocolJsonContext.Wire.ConversationParameters);
        var body = await SendAsync("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations", json, conversationId: null, cancellationToken);
        return Parse(body, ProtocolJsonContext.Wire.ConversationResourceResponse, new ConversationResourceResponse(null, null, null), "CreateConversation");
    }

    /// <summary>
    /// Joins a service URL and a relative API path, keeping the service URL's own path (Teams' regional
    /// <c>/amer/</c>, <c>/emea/</c>…): resolving an absolute <c>/v3/…</c> against it would drop the region.
    /// </summary>
    internal static Uri Join(Uri serviceUrl, string relativePath)
    {
        var baseText = serviceUrl.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relativePath : baseText + "/" + relativePath, UriKind.Absolute);
    }

    /// <summary>
    /// The back-off before retry number <paramref name="retry"/> (1-based) without a <c>Retry-After</c>:
    /// exponential from <see cref="ConnectorRetryOptions.BaseDelay"/>, capped at <see cref="ConnectorRetryOptions.MaxDelay"/>,
    /// then jittered into the upper half ([cap/2, cap]) so bots throttled together do not retry together.
    /// </summary>
    internal static TimeSpan Backoff(int retry, ConnectorRetryOptions options, double random01)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(random01, 0, 1))));
    }

    /// <summary>
    /// One path segment: Teams ids contain ':', '@', ';' and must not be read as path structure. "." and ".."
    /// survive escaping and would be collapsed by URI normalisation, moving the request elsewhere.
    /// </summary>
    internal static string Segment(string id) =>
        id is "." or ".." ? throw new ArgumentException($"'{id}' is not a valid conversation or activity id.", nameof(id)) : Uri.EscapeDataString(id);

    internal static bool IsRetryable(int statusCode) => statusCode is 429 or 412 or 502 or 503 or 504;

    private async Task<byte[]> SendAsync(string operation, HttpMethod method, Uri serviceUrl, string relativePath, byte[]? body, string? conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var requestUri = RequestUri(serviceUrl, relativePath);
        var host = serviceUrl.Authority;
        EnsureMayCall(operation, serviceUrl);

        for (var attempt = 1; ; attempt++)
        {
            var token = await GetTokenAsync(operation, cancellationToken);
            using var request = new HttpRequestMessage(method, requestUri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            var started = timeProvider.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
            {
                // No answer at all is treated like a 503: the request may not have arrived.
                if (attempt > _retry.MaxRetries)
                {
                    Log.ConnectorNetworkErrorGaveUp(logger, ex, operation, host, attempt);
                    throw new ConnectorException(0, null, $"{operation} could not reach the connector at {host} after {attempt} attempts.", ex);
                }

                var wait = Backoff(attempt, _retry, Random.Shared.NextDouble());
                Log.ConnectorNetworkErrorRetrying(logger, ex, operation, host, attempt, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, timeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var correlationId = CorrelationId(response);
                if (response.IsSuccessStatusCode)
                {
                    var (content, complete) = await ReadBoundedAsync(response.Content, MaxSuccessBodyBytes, cancellationToken);
                    var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
                    Log.ConnectorCallSucceeded(logger, operation, host, status, attempt, elapsedMs, correlationId);
                    if (!complete)
                    {
                        Log.ConnectorUnreadableSuccessBody(logger, operation, correlationId);
                        return [];
                    }

                    return content;
                }

                var (errorBody, _) = await ReadBoundedAsync(response.Content, MaxErrorBodyBytes, cancellationToken);
                var (errorCode, errorMessage) = ReadError(errorBody);
                errorMessage = Sanitize(errorMessage, token);

                if (IsRetryable(status) && attempt <= _retry.MaxRetries)
                {
                    var wait = RetryDelay(response, attempt);
                    if (wait > _retry.MaxDelay)
                    {
                        Log.ConnectorRetryAfterTooLong(logger, operation, host, status, (long)wait.TotalMilliseconds, (long)_retry.MaxDelay.TotalMilliseconds, correlationId);
                        throw new ConnectorException(status, errorCode,
                            $"{operation} was throttled: the connector answered {status} asking to wait {wait.TotalSeconds:0} s, longer than the {_retry.MaxDelay.TotalSeconds:0} s allowed.");
                    }

                    Log.ConnectorCallRetrying(logger, operation, host, status, attempt, (long)wait.TotalMilliseconds, correlationId);
                    await Task.Delay(wait, timeProvider, cancellationToken);
                    continue;
                }

                var description = Describe(status, errorCode, errorMessage);
                if (status == 403)
                {
                    Log.ConnectorConversationBlocked(logger, operation, conversationId ?? string.Empty, errorCode, correlationId);
                    throw new ConversationBlockedException(conversationId ?? string.Empty, errorCode,
                        $"{operation} was refused: the connector answered {description}. The bot may have been blocked or removed; stop sending to this conversation.");
                }

                Log.ConnectorCallFailed(logger, operation, host, status, errorCode, attempt, correlationId);
                var suffix = IsRetryable(status) ? $" after {attempt} attempts" : string.Empty;
                throw new ConnectorException(status, errorCode, $"{operation} failed: the connector answered {description}{suffix}.");
            }
        }
    }

    private static Uri RequestUri(Uri serviceUrl, string relativePath)
    {
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        // A query or fragment would end up in front of the appended path; service URLs never carry one,
        // nor credentials of their own.
        if (serviceUrl.Query.Length > 0 || serviceUrl.Fragment.Length > 0 || serviceUrl.UserInfo.Length > 0)
        {
            throw new ArgumentException("The service URL must not carry a query, fragment or user info.", nameof(serviceUrl));
        }

        return Join(serviceUrl, relativePath);
    }

    private void EnsureMayCall(string operation, Uri serviceUrl)
    {
        string? reason;
        if (tokenProvider.SendsToken)
        {
            reason = serviceUrl.Scheme != Uri.UriSchemeHttps ? "the token is sent over https only"
                : !serviceUrlTrust.IsTrusted(serviceUrl) ? "not from a verified activity or configuration"
                : null;
        }
        else
        {
            // Without authentication anyone can make the bot post anywhere; loopback keeps it a local tool.
            reason = serviceUrl.IsLoopback ? null : "development mode calls loopback service URLs only";
        }

        if (reason is not null)
        {
            Log.ConnectorServiceUrlRefused(logger, operation, serviceUrl.Authority, reason);
            throw new UntrustedServiceUrlException(serviceUrl);
        }
    }

    private async ValueTask<string?> GetTokenAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await tokenProvider.GetTokenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ConnectorTokenFailed(logger, ex, operation);
            throw new ConnectorException(0, "TokenAcquisitionFailed", $"{operation} could not get a connector token: {ex.GetType().Name}.", ex);
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return Backoff(attempt, _retry, Random.Shared.NextDouble());
    }

    // HttpClient reports its own timeout as a cancellation the caller did not ask for.
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("MS-CV", out var cv) ? cv.FirstOrDefault()
        : response.Headers.TryGetValues("X-Correlating-OperationId", out var op) ? op.FirstOrDefault()
        : null;

    private static async Task<(byte[] Content, bool Complete)> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(limit, 16 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (collected.Length + read > limit)
            {
                collected.Write(buffer, 0, limit - (int)collected.Length);
                return (collected.ToArray(), false);
            }

            collected.Write(buffer, 0, read);
        }

        return (collected.ToArray(), true);
    }

    private T Parse<T>(byte[] body, JsonTypeInfo<T> typeInfo, T empty, string operation)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return empty;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? empty;
        }
        catch (JsonException)
        {
            // The call succeeded; failing it now would invite a duplicate resend.
            Log.ConnectorUnreadableSuccessBody(logger, operation, null);
            return empty;
        }
    }

    /// <summary>
    /// Reads <c>{"error":{"code","message"}}</c>, preferring a <c>subCode</c> (Teams puts e.g.
    /// <c>MessageWritesBlocked</c> there) over the generic code. Tolerates any other body.
    /// </summary>
    internal static (string? Code, string? Message) ReadError(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var error = Property(root, "error");
            var code = error is { ValueKind: JsonValueKind.Object } e ? StringProperty(e, "code") : null;
            var subCode = (error is { ValueKind: JsonValueKind.Object } e2 ? StringProperty(e2, "subCode") : null) ?? StringProperty(root, "subCode");
            var message = error is { ValueKind: JsonValueKind.Object } e3 ? StringProperty(e3, "message") : null;
            return (subCode ?? code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    // The connector's message goes into exception text; keep it short and make sure our own token never does.
    private static string? Sanitize(string? message, string? token)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(token))
        {
            message = message.Replace(token, "[redacted]", StringComparison.Ordinal);
        }

        return message.Length > MaxErrorMessageChars ? message[..MaxErrorMessageChars] + "…" : message;
    }

    private static string Describe(int status, string? errorCode, string? errorMessage)
    {
        var text = new StringBuilder(status.ToString(CultureInfo.InvariantCulture));
        if (errorCode is not null)
        {
            text.Append(" (").Append(errorCode).Append(')');
        }

        if (errorMessage is not null)
        {
            text.Append(": ").Append(errorMessage);
        }

        return text.ToString();
    }

    private static ConnectorRetryOptions ValidRetryOptions(IOptions<ConnectorRetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        value.EnsureValid();
        return value;
    }
}
