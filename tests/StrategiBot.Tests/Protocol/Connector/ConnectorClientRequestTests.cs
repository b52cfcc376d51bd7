using System.Net;
using System.Text.Json;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Protocol.Connector;

public sealed class ConnectorClientRequestTests
{
    public sealed record JoinCase(string ServiceUrl, string ExpectedUri)
    {
        public override string ToString() => ServiceUrl;
    }

    public sealed record EncodingCase(string ConversationId, string ActivityId, string ExpectedPath)
    {
        public override string ToString() => ConversationId;
    }

    public static TheoryData<JoinCase> JoinCases =>
    [
        new("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net", "https://smba.trafficmanager.net/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.infra.gcc.teams.microsoft.com/gcc", "https://smba.infra.gcc.teams.microsoft.com/gcc/v3/conversations/a%3A1xyz/activities"),
        new("https://smba.trafficmanager.net/amer/region/", "https://smba.trafficmanager.net/amer/region/v3/conversations/a%3A1xyz/activities"),
    ];

    public static TheoryData<EncodingCase> EncodingCases =>
    [
        new("19:abc@thread.tacv2;messageid=123", "1700000000000",
            "/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1700000000000"),
        new("a:1xyz", "f:9/2", "/amer/v3/conversations/a%3A1xyz/activities/f%3A9%2F2"),
        new("29:1abc def", "1?x#y", "/amer/v3/conversations/29%3A1abc%20def/activities/1%3Fx%23y"),
        new("19:meeting_Zm9v@thread.v2", "../..", "/amer/v3/conversations/19%3Ameeting_Zm9v%40thread.v2/activities/..%2F.."),
        new("100%real", "+1", "/amer/v3/conversations/100%25real/activities/%2B1"),
    ];

    [Theory]
    [MemberData(nameof(JoinCases))]
    public async Task Service_url_path_is_kept_when_joining(JoinCase testCase)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Created, """{"id":"1"}""");
        var client = TestConnector.Create(handler);

        await client.SendToConversationAsync(new Uri(testCase.ServiceUrl), "a:1xyz", Message("hi"), CancellationToken.None);

        Assert.Equal(testCase.ExpectedUri, Assert.Single(handler.Requests).Uri);
    }

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public async Task Ids_are_percent_encoded_as_single_path_segments(EncodingCase testCase)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"1"}""");
        var client = TestConnector.Create(handler);

        await client.ReplyToActivityAsync(TestConnector.AmerServiceUrl, testCase.ConversationId, testCase.ActivityId, Message("hi"), CancellationToken.None);

        Assert.Equal("https://smba.trafficmanager.net" + testCase.ExpectedPath, Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task Reply_posts_the_activity_as_utf8_camel_case_json_with_the_token()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"1700000000099"}""");
        var client = TestConnector.Create(handler);
        var activity = Message("Hei på deg 👋") with { ReplyToId = "1700000000000" };

        var result = await client.ReplyToActivityAsync(TestConnector.AmerServiceUrl, "a:1xyz", "1700000000000", activity, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities/1700000000000", request.Uri);
        Assert.Equal("Bearer " + TestConnector.Token, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Hei på deg 👋", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1700000000000", body.RootElement.GetProperty("replyToId").GetString());
        Assert.False(body.RootElement.TryGetProperty("id", out _), "nulls are omitted");
        Assert.Equal("1700000000099", result.Id);
    }

    [Fact]
    public async Task Send_posts_to_the_conversation_activities()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Created, """{"id":"m1"}""");
        var client = TestConnector.Create(handler);

        var result = await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "19:abc@thread.tacv2", Message("hello"), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2/activities", request.Uri);
        Assert.Contains("\"text\":\"hello\"", request.Body, StringComparison.Ordinal);
        Assert.Equal("m1", result.Id);
    }

    [Fact]
    public async Task Update_puts_the_whole_activity()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"m1"}""");
        var client = TestConnector.Create(handler);

        var result = await client.UpdateActivityAsync(TestConnector.AmerServiceUrl, "a:1xyz", "m1", Message("edited") with { Id = "m1" }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities/m1", request.Uri);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("edited", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("m1", result.Id);
    }

    [Fact]
    public async Task Delete_sends_no_body()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK);
        var client = TestConnector.Create(handler);

        await client.DeleteActivityAsync(TestConnector.AmerServiceUrl, "a:1xyz", "m1", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities/m1", request.Uri);
        Assert.Null(request.Body);
        Assert.Null(request.ContentType);
        Assert.Equal("Bearer " + TestConnector.Token, request.Authorization);
    }

    [Fact]
    public async Task Create_conversation_posts_the_parameters_and_reads_the_new_ids()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Created,
            """{"id":"19:abc@thread.tacv2;messageid=1700","activityId":"1700","serviceUrl":"https://smba.trafficmanager.net/amer/"}""");
        var client = TestConnector.Create(handler);
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
            TenantId = "tenant-1",
            Activity = Message("Ny tråd"),
            ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = "19:abc@thread.tacv2" }, tenant = new { id = "tenant-1" } }),
        };

        var result = await client.CreateConversationAsync(TestConnector.AmerServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", request.Uri);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.True(body.RootElement.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot-app-id", body.RootElement.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("Ny tråd", body.RootElement.GetProperty("activity").GetProperty("text").GetString());
        Assert.False(body.RootElement.TryGetProperty("members", out _));
        Assert.Equal(new ConversationResourceResponse("19:abc@thread.tacv2;messageid=1700", "1700", "https://smba.trafficmanager.net/amer/"), result);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.Created, "")]
    [InlineData(HttpStatusCode.Accepted, null)]
    [InlineData(HttpStatusCode.OK, "  ")]
    [InlineData(HttpStatusCode.OK, "not json")]
    [InlineData(HttpStatusCode.OK, "{}")]
    public async Task Success_without_a_readable_id_returns_an_empty_resource(HttpStatusCode status, string? body)
    {
        var handler = new ScriptedHandler().Respond(status, body);
        var client = TestConnector.Create(handler);

        var result = await client.SendToConversationAsync(TestConnector.AmerServiceUrl, "a:1xyz", Message("hi"), CancellationToken.None);

        Assert.Equal(new ResourceResponse(null), result);
    }

    [Fact]
    public async Task Create_conversation_tolerates_an_empty_body()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Accepted);
        var client = TestConnector.Create(handler);

        var result = await client.CreateConversationAsync(TestConnector.AmerServiceUrl, new ConversationParameters { IsGroup = false }, CancellationToken.None);

        Assert.Equal(new ConversationResourceResponse(null, null, null), result);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData("https://smba.trafficmanager.net/amer/#frag")]
    [InlineData("ftp://smba.trafficmanager.net/amer/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/amer/")]
    public async Task Service_urls_that_cannot_be_joined_are_rejected_without_a_call(string serviceUrl)
    {
        var handler = new ScriptedHandler();
        var client = TestConnector.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.SendToConversationAsync(new Uri(serviceUrl), "a:1xyz", Message("hi"), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("a:1xyz", "..")]
    [InlineData(".", "m1")]
    public async Task Dot_segment_ids_are_rejected_because_normalisation_would_move_the_request(string conversationId, string activityId)
    {
        var handler = new ScriptedHandler();
        var client = TestConnector.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.UpdateActivityAsync(TestConnector.AmerServiceUrl, conversationId, activityId, Message("hi"), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
