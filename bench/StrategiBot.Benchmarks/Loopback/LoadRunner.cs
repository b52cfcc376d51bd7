using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>
/// Closed-loop senders: each posts a message, waits for both the HTTP answer and the reply at the
/// connector, then sends the next, as a user in a chat waits for the answer before writing again.
/// </summary>
internal sealed class LoadRunner(HttpClient http, FakeConnector connector, LoopbackOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<BlockResult> RunBlockAsync(
        BotProcess bot, int concurrency, int count, string label, CancellationToken cancellationToken)
    {
        var samples = new TurnSample[count];
        var errors = new BlockErrors(options.MaxErrors);
        var next = -1;
        var started = Stopwatch.GetTimestamp();

        async Task SenderAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && !errors.LimitReached)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sample = await SendOneAsync(bot, $"{label}-{index}", errors, cancellationToken);
                if (sample is { } ok)
                {
                    samples[index] = ok;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(SenderAsync, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var succeeded = samples.Where(s => s.Reply > TimeSpan.Zero).ToArray();
        return new BlockResult(succeeded, errors.Count, errors.First, elapsed);
    }

    private async Task<TurnSample?> SendOneAsync(BotProcess bot, string key, BlockErrors errors, CancellationToken cancellationToken)
    {
        var conversationId = $"a:bench-{_runId}-{bot.Kind}-{key}";
        var body = InboundMessage(conversationId, $"m-{key}");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;

        var reply = connector.ExpectReply(conversationId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReplyTimeout);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync(bot.MessagesUrl, content, timeout.Token);
            var acked = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                connector.Forget(conversationId);
                errors.Add($"HTTP {(int)response.StatusCode} from {bot.Kind}");
                return null;
            }
            var arrived = await reply.WaitAsync(timeout.Token);
            return new TurnSample(Stopwatch.GetElapsedTime(sent, arrived), Stopwatch.GetElapsedTime(sent, acked));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            connector.Forget(conversationId);
            errors.Add($"no reply from {bot.Kind} within {options.ReplyTimeout.TotalSeconds:0} s");
            return null;
        }
        catch (HttpRequestException e)
        {
            connector.Forget(conversationId);
            errors.Add($"{bot.Kind}: {e.Message}");
            return null;
        }
    }

    // Written by hand rather than with our ProtocolJson, so both bots get bytes that owe nothing to
    // the code under test, shaped as Teams sends a personal-chat message.
    private byte[] InboundMessage(string conversationId, string activityId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", activityId);
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("channelId", "msteams");
            json.WriteString("serviceUrl", connector.ServiceUrl.AbsoluteUri);
            json.WriteStartObject("from");
            json.WriteString("id", "29:bench-user");
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "28:bot");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteString("conversationType", "personal");
            json.WriteString("tenantId", "t");
            json.WriteEndObject();
            json.WriteString("text", options.Text);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private sealed class BlockErrors(int limit)
    {
        private int _count;
        private string? _first;

        public int Count => Volatile.Read(ref _count);
        public string? First => Volatile.Read(ref _first);
        public bool LimitReached => Count >= limit;

        public void Add(string message)
        {
            Interlocked.CompareExchange(ref _first, message, null);
            Interlocked.Increment(ref _count);
        }
    }
}

/// <summary>One turn: send to reply-at-connector, and send to the bot's HTTP answer.</summary>
internal readonly record struct TurnSample(TimeSpan Reply, TimeSpan Ack);

internal sealed record BlockResult(IReadOnlyList<TurnSample> Samples, int Errors, string? FirstError, TimeSpan Elapsed);
