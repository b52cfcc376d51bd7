using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Moq;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Connector;
using StrategiBot.Storage;
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

        var message = Teams.PersonalMessage("hei");
        using var response = await app.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var call = Assert.Single(app.Connector.Calls);
        Assert.Equal("reply", call.Operation);
        Assert.Equal("a:personal-1", call.ConversationId);
        Assert.Equal(message.Id, call.ActivityId);
    }

    [Fact]
    public async Task A_message_delivered_again_is_acknowledged_but_not_answered_twice()
    {
        await using var app = new BotApplication();
        var message = Teams.PersonalMessage("Kan jeg uttale meg til avisa?");

        using var first = await app.PostAsync(message);
        using var again = await app.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(app.Connector.Calls);
    }

    [Fact]
    public async Task A_delivery_the_channel_gives_up_on_before_the_answer_is_answered_when_it_comes_again()
    {
        var replies = 0;
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (Uri _, string _, string _, Activity _, CancellationToken ct) =>
            {
                // The first answer hangs until the channel hangs up; the second goes through.
                if (Interlocked.Increment(ref replies) == 1)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                return new ResourceResponse("r");
            });
        await using var app = new BotApplication { ConnectorOverride = connector.Object };
        var message = Teams.PersonalMessage("Kan jeg uttale meg til avisa?");
        using var hangUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.PostAsync(message, hangUp.Token));
        using var again = await app.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, replies);
    }

    [Fact]
    public async Task Only_the_last_32_message_ids_are_kept_and_a_message_without_an_id_is_always_answered()
    {
        await using var app = new BotApplication();
        var first = Teams.PersonalMessage("hei");
        await app.PostAsync(first);
        for (var i = 0; i < ConversationState.RecentMessageCapacity; i++)
        {
            await app.PostAsync(Teams.PersonalMessage("hei"));
        }
        var calls = app.Connector.Calls.Count;

        using var oldest = await app.PostAsync(first);
        using var noId = await app.PostAsync(Teams.PersonalMessage("hei") with { Id = null });
        using var noIdAgain = await app.PostAsync(Teams.PersonalMessage("hei") with { Id = null });
        var state = await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None);

        Assert.Equal(calls + 3, app.Connector.Calls.Count);
        Assert.Equal(ConversationState.RecentMessageCapacity, state!.RecentMessageIds.Count);
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

    [Theory]
    [InlineData("conversation", "conversation.id")]
    [InlineData("conversation.id", "conversation.id")]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("from", "from.id")]
    [InlineData("from.id", "from.id")]
    public async Task A_message_without_where_to_answer_or_whom_gets_400_naming_the_field(string removed, string field)
    {
        await using var app = new BotApplication();
        var body = Json(Teams.PersonalMessage("presse"));
        var path = removed.Split('.');
        (path.Length == 1 ? body : body[path[0]]!.AsObject()).Remove(path[^1]);

        using var response = await app.PostRawAsync(body.ToJsonString());

        await AssertProblemNamingAsync(response, field);
        Assert.Empty(app.Connector.Calls);
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate, "conversation", "conversation.id")]
    [InlineData(ActivityTypes.InstallationUpdate, "serviceUrl", "serviceUrl")]
    [InlineData(ActivityTypes.Invoke, "conversation", "conversation.id")]
    public async Task Any_activity_without_its_conversation_or_service_url_gets_400(string type, string removed, string field)
    {
        await using var app = new BotApplication();
        var body = Json(Teams.BotAddedToConversation() with { Type = type, Name = "adaptiveCard/action", Action = "add" });
        body.Remove(removed);

        using var response = await app.PostRawAsync(body.ToJsonString());

        await AssertProblemNamingAsync(response, field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/")]
    public async Task A_service_url_that_is_not_an_absolute_url_gets_400(string serviceUrl)
    {
        await using var app = new BotApplication();

        using var response = await app.PostAsync(Teams.PersonalMessage("presse") with { ServiceUrl = serviceUrl });

        await AssertProblemNamingAsync(response, "serviceUrl");
    }

    [Theory]
    [InlineData("", "The activity has no 'serviceUrl'.")]
    [InlineData("/relative/", "The activity's 'serviceUrl' is not an absolute http(s) URL.")]
    [InlineData("ftp://example.org/", "The activity's 'serviceUrl' is not an absolute http(s) URL.")]
    public async Task A_service_url_that_is_there_but_not_usable_is_not_called_missing(string serviceUrl, string detail)
    {
        await using var app = new BotApplication();

        using var response = await app.PostAsync(Teams.PersonalMessage("presse") with { ServiceUrl = serviceUrl });

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(ActivityTypes.Message, @"'text':'hei \ud83d'")]
    [InlineData(ActivityTypes.Message, @"'value':{'dialog':'kontakt-med-pressen','step':'rolle','choice':'\ud83d'}")]
    [InlineData(ActivityTypes.Message, @"'value':{'verb':'checklist.open','checklist':'a\udc00b'}")]
    [InlineData(ActivityTypes.Message, @"'value':{'\ud83d':'x'}")]
    [InlineData(ActivityTypes.Message, @"'entities':[{'type':'clientInfo','locale':'\ude00\ud83d'}]")]
    [InlineData(ActivityTypes.Invoke, @"'value':{'action':{'type':'Action.Execute','verb':'checklist.save','data':{'checklist':'\ud83d'}}}")]
    public async Task A_string_that_is_not_valid_unicode_gets_400_wherever_it_is(string type, string fields)
    {
        await using var app = new BotApplication();
        var activity = type == ActivityTypes.Invoke ? Teams.Invoke(null) : Teams.PersonalMessage("") with { Text = null };

        using var response = await PostWithAsync(app, activity, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.Connector.Calls);
    }

    [Fact]
    public async Task A_surrogate_pair_written_as_escapes_is_read_as_the_character()
    {
        await using var app = new BotApplication();

        using var response = await PostWithAsync(app, Teams.PersonalMessage("") with { Text = null }, @"'text':'presse \ud83d\ude00'");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(ActivityTypes.Message, "entities", "Dette kan jeg hjelpe deg med")]
    [InlineData(ActivityTypes.Message, "attachments", "Dette kan jeg hjelpe deg med")]
    [InlineData(ActivityTypes.ConversationUpdate, "membersAdded", "Hei, jeg er StrategiBot")]
    [InlineData(ActivityTypes.ConversationUpdate, "membersRemoved", "Hei, jeg er StrategiBot")]
    public async Task Null_entries_in_an_activitys_lists_are_ignored(string type, string list, string reply)
    {
        await using var app = new BotApplication();
        var body = Json(type == ActivityTypes.Message ? Teams.GroupMessage("hjelp", mentionBot: true) : Teams.BotAddedToConversation());
        body[list] = new JsonArray([null, .. body[list]?.AsArray().Select(e => e?.DeepClone()) ?? []]);

        using var response = await app.PostRawAsync(body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, text);
        var replies = JsonSerializer.Deserialize<ExpectedReplies>(text, ProtocolJson.Options)!.Activities;
        Assert.Contains(reply, Conversation.ConversationScriptTests.CardText(Assert.Single(replies)), StringComparison.Ordinal);
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

    private static async Task AssertProblemNamingAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"'{field}'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts the activity with more fields (written with ' for ") spliced in as text, since a JSON writer
    /// would not write a lone surrogate as an escape.
    /// </summary>
    private static Task<HttpResponseMessage> PostWithAsync(BotApplication app, Activity activity, string fields)
    {
        var json = Json(activity).ToJsonString();
        return app.PostRawAsync($"{json[..^1]},{fields.Replace('\'', '"')}}}");
    }

    private static JsonObject Json(Activity activity) =>
        JsonNode.Parse(ProtocolJson.Serialize(activity with { DeliveryMode = DeliveryModes.ExpectReplies }))!.AsObject();
}
