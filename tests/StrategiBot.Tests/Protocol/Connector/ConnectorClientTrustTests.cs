using System.Net;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Connector;

public sealed class ConnectorClientTrustTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/emea")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    public async Task The_token_goes_to_trusted_https_service_urls(string serviceUrl)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var client = TestConnector.Create(handler);

        await client.SendToConversationAsync(new Uri(serviceUrl), "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal("Bearer " + TestConnector.Token, Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://localhost/amer/")]
    [InlineData("https://127.0.0.1/")]
    public async Task Untrusted_service_urls_are_refused_before_any_request(string serviceUrl)
    {
        var handler = new ScriptedHandler();
        var tokens = new StaticTokenProvider(TestConnector.Token);
        var client = TestConnector.Create(handler, tokens);

        var ex = await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            client.SendToConversationAsync(new Uri(serviceUrl), "a:1xyz", Message(), CancellationToken.None));

        Assert.Empty(handler.Requests);
        Assert.Equal(0, tokens.Calls);
        Assert.DoesNotContain(TestConnector.Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trusting_an_http_url_still_never_sends_the_token_over_http()
    {
        var trust = new ServiceUrlTrust();
        trust.Trust(new Uri("http://smba.trafficmanager.net/"));
        var handler = new ScriptedHandler();
        var client = TestConnector.Create(handler, trust: trust);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            client.DeleteActivityAsync(new Uri("http://smba.trafficmanager.net/amer/"), "a:1xyz", "m1", CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Every_operation_checks_trust()
    {
        var handler = new ScriptedHandler();
        var client = TestConnector.Create(handler);
        var evil = new Uri("https://evil.example/");

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.SendToConversationAsync(evil, "a:1", Message(), CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.ReplyToActivityAsync(evil, "a:1", "m1", Message(), CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.UpdateActivityAsync(evil, "a:1", "m1", Message(), CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.DeleteActivityAsync(evil, "a:1", "m1", CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.CreateConversationAsync(evil, new ConversationParameters(), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("http://localhost:3978/_connector")]
    [InlineData("http://127.0.0.1:56000/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://localhost:5001/")]
    public async Task Development_mode_calls_loopback_without_a_token(string serviceUrl)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var client = TestConnector.Create(handler, NoTokenProvider.Instance, trust: new ServiceUrlTrust());

        var result = await client.SendToConversationAsync(new Uri(serviceUrl), "a:1xyz", Message(), CancellationToken.None);

        Assert.Equal("m1", result.Id);
        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://169.254.169.254/metadata/")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://0.0.0.0/")]
    public async Task Development_mode_refuses_anything_but_loopback(string serviceUrl)
    {
        var handler = new ScriptedHandler();
        // Even a URL trusted for token use is refused: without authentication the caller could be anyone.
        var client = TestConnector.Create(handler, NoTokenProvider.Instance, trust: TestConnector.TeamsTrust());

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            client.SendToConversationAsync(new Uri(serviceUrl), "a:1xyz", Message(), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_provider_that_returns_no_token_sends_no_authorization_header()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK);
        var client = TestConnector.Create(handler, new StaticTokenProvider(null, sendsToken: true));

        await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None);

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task The_token_never_appears_in_exceptions_or_logs_even_when_echoed(HttpStatusCode status)
    {
        var echo = $$$"""{"error":{"code":"Echo","message":"Token {{{TestConnector.Token}}} was rejected"}}""";
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(status) { Content = new StringContent(echo) });
        var logger = new CapturingLogger<ConnectorClient>();
        var client = TestConnector.Create(handler, logger: logger);

        var ex = await Assert.ThrowsAnyAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message("secret user text"), CancellationToken.None));

        Assert.DoesNotContain(TestConnector.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logger.Entries);
        Assert.All(logger.Entries, entry =>
        {
            Assert.DoesNotContain(TestConnector.Token, entry.Message + entry.State + entry.Exception, StringComparison.Ordinal);
            Assert.DoesNotContain("secret user text", entry.Message + entry.State, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Logs_carry_status_attempt_and_correlation_id()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("MS-CV", "cv-429"))
            .Respond(HttpStatusCode.Created, """{"id":"m1"}""", r => r.Headers.Add("X-Correlating-OperationId", "op-201"));
        var logger = new CapturingLogger<ConnectorClient>();
        var client = TestConnector.Create(handler, logger: logger);

        await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message("secret user text"), CancellationToken.None);

        Assert.Collection(logger.Entries,
            retry =>
            {
                Assert.Equal(1001, retry.EventId.Id);
                Assert.Contains("429", retry.Message, StringComparison.Ordinal);
                Assert.Contains("attempt 1", retry.Message, StringComparison.Ordinal);
                Assert.Contains("cv-429", retry.Message, StringComparison.Ordinal);
            },
            success =>
            {
                Assert.Equal(1000, success.EventId.Id);
                Assert.Contains("201", success.Message, StringComparison.Ordinal);
                Assert.Contains("attempt 2", success.Message, StringComparison.Ordinal);
                Assert.Contains("op-201", success.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task A_failing_token_provider_becomes_a_connector_exception_without_a_request()
    {
        var handler = new ScriptedHandler();
        var client = TestConnector.Create(handler, new ThrowingTokenProvider());

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message(), CancellationToken.None));

        Assert.Equal("TokenAcquisitionFailed", ex.ErrorCode);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(handler.Requests);
    }

    private sealed class ThrowingTokenProvider : IConnectorTokenProvider
    {
        public bool SendsToken => true;

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
            ValueTask.FromException<string?>(new InvalidOperationException("AADSTS7000215: Invalid client secret provided."));
    }

    private static Activity Message(string text = "hi") => new() { Type = ActivityTypes.Message, Text = text };
}
