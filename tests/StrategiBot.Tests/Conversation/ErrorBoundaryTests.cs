using Moq;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;

namespace StrategiBot.Tests.Conversation;

public sealed class ErrorBoundaryTests
{
    [Fact]
    public async Task A_failing_turn_apologises_and_clears_the_conversations_dialog_state()
    {
        var sent = new List<Activity>();
        await using var app = new BotApplication { ConnectorOverride = FailingFirstReply(sent) };
        var key = ConversationState.Key("a:personal-1");
        await app.Store.UpdateAsync(key, _ => new ConversationState { Dialog = new DialogState("press", "role", DateTimeOffset.UnixEpoch) }, CancellationToken.None);

        using var response = await app.PostAsync(Teams.PersonalMessage("hei"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(sent, a => a.Text?.Contains("Beklager", StringComparison.Ordinal) == true);
        Assert.Null((await app.Store.GetAsync(key, CancellationToken.None))!.Dialog);
    }

    [Fact]
    public async Task A_failing_turn_in_a_dialog_running_in_English_apologises_in_English()
    {
        var sent = new List<Activity>();
        await using var app = new BotApplication { ConnectorOverride = FailingFirstReply(sent) };
        await app.Store.UpdateAsync(ConversationState.Key("a:personal-1"),
            _ => new ConversationState { Dialog = new DialogState("kontakt-med-pressen", "rolle", DateTimeOffset.UtcNow, Language.English) }, CancellationToken.None);

        // "2" says nothing of its language; the dialog it answers does.
        using var response = await app.PostAsync(Teams.PersonalMessage("2"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Replies.Apology(Language.English), sent[^1].Text);
    }

    /// <summary>A connector on which the turn's own reply fails and the apology that follows goes through; every reply lands in <paramref name="sent"/>.</summary>
    private static IConnectorClient FailingFirstReply(List<Activity> sent)
    {
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((Uri _, string _, string _, Activity activity, CancellationToken _) =>
            {
                sent.Add(activity);
                return sent.Count == 1
                    ? Task.FromException<ResourceResponse>(new InvalidOperationException("boom"))
                    : Task.FromResult(new ResourceResponse("2"));
            });
        return connector.Object;
    }

    [Fact]
    public async Task A_403_from_the_connector_marks_the_conversation_blocked_without_an_apology()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConversationBlockedException("a:personal-1", "MessageWritesBlocked", "blocked"));
        await using var app = new BotApplication { ConnectorOverride = connector.Object };

        using var response = await app.PostAsync(Teams.PersonalMessage("hei"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        connector.Verify(c => c.ReplyToActivityAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.True((await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None))!.IsBlocked);
    }

    [Fact]
    public async Task A_failing_card_action_gets_an_error_response_not_an_HTTP_500()
    {
        await using var app = new BotApplication { StoreOverride = new ChecklistsUnavailableStore() };

        using var response = await app.PostAsync(Teams.CardAction("checklist.save", new { checklist = "for-du-publiserer" }));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
    }

    /// <summary>A store whose checklist records cannot be read, as when the database is gone.</summary>
    private sealed class ChecklistsUnavailableStore : IStateStore
    {
        private readonly MemoryStateStore _inner = new();

        public Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class =>
            key.Kind == "checklist" ? throw new IOException("database unavailable") : _inner.ReadAsync(key, cancellationToken);

        public Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class =>
            _inner.WriteAsync(key, value, expectedVersion, cancellationToken);

        public Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class =>
            _inner.DeleteAsync(key, cancellationToken);
    }
}
