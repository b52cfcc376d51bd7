using System.Net;
using System.Text;
using System.Text.Json;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Hosting;

public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task A_message_with_expectReplies_gets_its_replies_in_the_response_addressed_back_to_the_sender()
    {
        await using var app = new BotApplication();
        var inbound = Teams.PersonalMessage("hei");

        var replies = await app.ExchangeAsync(inbound);

        var reply = Assert.Single(replies);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal(inbound.Recipient!.Id, reply.From!.Id);
        Assert.Equal(inbound.From!.Id, reply.Recipient!.Id);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Null(reply.ServiceUrl);
        Assert.Null(reply.Id);
        Assert.Empty(app.Connector.Calls);
    }

    [Fact]
    public async Task A_normal_message_is_acknowledged_with_an_empty_200_and_answered_through_the_connector()
    {
        await using var app = new BotApplication();

        using var response = await app.PostAsync(Teams.PersonalMessage("hei"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var call = Assert.Single(app.Connector.Calls);
        Assert.Equal("reply", call.Operation);
        Assert.Equal("a:personal-1", call.ConversationId);
        Assert.Equal("1575667808184", call.ActivityId);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"message\"")]
    public async Task Malformed_json_gets_400_with_a_problem_body(string body)
    {
        await using var app = new BotApplication();

        using var response = await app.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.Connector.Calls);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":\"hei\"}")]
    [InlineData("{\"type\":\"\"}")]
    public async Task An_activity_without_a_type_gets_400(string body)
    {
        await using var app = new BotApplication();

        using var response = await app.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("type", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_413_and_no_side_effect()
    {
        await using var app = new BotApplication();
        var huge = Teams.PersonalMessage(new string('a', 1024 * 1024));

        using var response = await app.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Connector.Calls);
    }

    [Fact]
    public async Task Other_methods_get_405()
    {
        await using var app = new BotApplication();
        using var client = app.CreateClient();

        using var get = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));
        using var put = await client.PutAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("somethingTeamsInventsNextYear")]
    public async Task Activities_the_bot_does_not_handle_get_200_and_no_reply(string type)
    {
        await using var app = new BotApplication();

        using var response = await app.PostRawAsync($$"""
            {"type":"{{type}}","id":"x1","channelId":"msteams","serviceUrl":"{{Teams.ServiceUrl}}",
             "conversation":{"id":"a:1"},"from":{"id":"29:u"},"recipient":{"id":"{{Teams.BotId}}"},
             "aFieldNobodyKnows":{"nested":[1,2]} }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Connector.Sent);
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501()
    {
        await using var app = new BotApplication();
        var invoke = Teams.PersonalMessage("") with { Type = ActivityTypes.Invoke, Name = "composeExtension/query", Text = null };

        using var response = await app.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_answers()
    {
        await using var app = new BotApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
