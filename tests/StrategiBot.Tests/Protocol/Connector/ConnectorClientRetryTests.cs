using System.Net;
using System.Net.Http.Headers;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Connector;

public sealed class ConnectorClientRetryTests
{
    public sealed record BackoffCase(int Retry, double Random, double ExpectedSeconds);

    // Defaults: base 1 s doubling, cap 30 s, jitter into [cap/2, cap].
    public static TheoryData<BackoffCase> BackoffCases =>
    [
        new(1, 0.0, 0.5), new(1, 1.0, 1.0),
        new(2, 0.0, 1.0), new(2, 1.0, 2.0),
        new(3, 0.5, 3.0),
        new(5, 1.0, 16.0),
        new(6, 0.0, 15.0), new(6, 1.0, 30.0),
        new(40, 1.0, 30.0),
    ];

    [Theory]
    [MemberData(nameof(BackoffCases))]
    public void Backoff_is_exponential_capped_and_jittered_within_bounds(BackoffCase testCase)
    {
        var delay = ConnectorClient.Backoff(testCase.Retry, new ConnectorRetryOptions(), testCase.Random);

        Assert.Equal(testCase.ExpectedSeconds, delay.TotalSeconds, precision: 6);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried_with_jittered_backoff(HttpStatusCode status)
    {
        var handler = new ScriptedHandler().Respond(status).Respond(status).Respond(HttpStatusCode.Created, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var result = await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal("m1", result.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0], r));
        Assert.Collection(clock.RequestedDelays,
            first => Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)),
            second => Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .Respond(HttpStatusCode.Created, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var result = await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal("m1", result.Id);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.RequestedDelays);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_on_the_injected_clock()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TestConnector.Start.AddSeconds(12)))
            .Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(12)], clock.RequestedDelays);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_date_in_the_past_retries_at_once()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TestConnector.Start.AddMinutes(-1)))
            .Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Empty(clock.RequestedDelays);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Nothing_is_resent_before_the_clock_reaches_retry_after()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)))
            .Respond(HttpStatusCode.Created, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: false);
        var client = TestConnector.Create(handler, clock: clock);

        var send = client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);
        Assert.True(await clock.WaitForTimerAsync());
        clock.Advance(TimeSpan.FromSeconds(4.9));

        Assert.False(send.IsCompleted);
        Assert.Single(handler.Requests);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        var result = await send;

        Assert.Equal("m1", result.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_stops_without_resending()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: false);
        var client = TestConnector.Create(handler, clock: clock);
        using var cancellation = new CancellationTokenSource();

        var send = client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), cancellation.Token);
        Assert.True(await clock.WaitForTimerAsync());
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Giving_up_after_the_retry_bound_throws_with_the_last_status()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"try later"}}""");
        }

        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.Contains("after 4 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, clock.RequestedDelays.Count);
        for (var retry = 1; retry <= 3; retry++)
        {
            var cap = TimeSpan.FromSeconds(Math.Pow(2, retry - 1));
            Assert.InRange(clock.RequestedDelays[retry - 1], cap / 2, cap);
        }
    }

    [Fact]
    public async Task The_retry_bound_is_configurable()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests);
        var client = TestConnector.Create(handler, retry: new ConnectorRetryOptions { MaxRetries = 1 });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_beyond_the_longest_wait_gives_up_instead_of_sleeping()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.Contains("120 s", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.RequestedDelays);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Client_errors_are_never_retried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler()
            .Respond(status, """{"error":{"code":"SomeCode","message":"the connector says no"}}""",
                r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.IsType<ConnectorException>(ex);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal("SomeCode", ex.ErrorCode);
        Assert.Contains("the connector says no", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task Message_too_big_reports_the_connector_code()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.RequestEntityTooLarge, """{"error":{"code":"MessageSizeTooBig","message":"Message size too big"}}""");
        var client = TestConnector.Create(handler);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal(413, ex.StatusCode);
        Assert.Equal("MessageSizeTooBig", ex.ErrorCode);
        Assert.Single(handler.Requests);
    }

    public sealed record BlockedCase(string Body, string? ExpectedCode)
    {
        public override string ToString() => Body;
    }

    public static TheoryData<BlockedCase> BlockedCases =>
    [
        new("""{"error":{"code":"MessageWritesBlocked","message":"Bot is not allowed to send messages"}}""", "MessageWritesBlocked"),
        new("""{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"blocked"}}""", "MessageWritesBlocked"),
        new("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser"),
        new("", null),
        new("<html>Forbidden</html>", null),
    ];

    [Theory]
    [MemberData(nameof(BlockedCases))]
    public async Task Forbidden_means_the_conversation_is_blocked(BlockedCase testCase)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Forbidden, testCase.Body);
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var ex = await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            client.ReplyToActivityAsync(TestConnector.AmerServiceUrl, "a:1xyz", "m1", Message(), CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(testCase.ExpectedCode, ex.ErrorCode);
        Assert.Equal("a:1xyz", ex.ConversationId);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task Network_errors_are_retried_like_503()
    {
        var handler = new ScriptedHandler()
            .Throw(new HttpRequestException("Connection refused"))
            .Throw(new TaskCanceledException("HttpClient.Timeout elapsed", new TimeoutException()))
            .Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var clock = new ManualTimeProvider(TestConnector.Start, autoAdvance: true);
        var client = TestConnector.Create(handler, clock: clock);

        var result = await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal("m1", result.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, clock.RequestedDelays.Count);
    }

    [Fact]
    public async Task Network_errors_past_the_bound_throw_with_the_cause()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.Throw(new HttpRequestException("Connection refused"));
        }

        var client = TestConnector.Create(handler);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal(0, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Each_retry_sends_the_same_request_again()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.OK);
        var client = TestConnector.Create(handler);

        await client.UpdateActivityAsync(TestConnector.AmerServiceUrl, "a:1xyz", "m1", Message(), CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0], handler.Requests[1]);
        Assert.NotNull(handler.Requests[1].Body);
    }

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hi" };
}
