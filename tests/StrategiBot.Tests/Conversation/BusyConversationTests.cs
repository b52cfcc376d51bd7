using StrategiBot.Conversation;
using StrategiBot.Storage;
using StrategiBot.Tests.Storage;

namespace StrategiBot.Tests.Conversation;

/// <summary>
/// A busy group chat: every message updates the one record of its conversation (where to reply, when it
/// was last heard from), so messages arriving together all write the same record.
/// </summary>
public sealed class BusyConversationTests
{
    [Fact]
    public async Task Questions_asked_at_the_same_moment_in_one_chat_are_all_answered()
    {
        const int Askers = 30;
        await using var app = new BotApplication { StoreOverride = new SlowReadingStore(new MemoryStateStore()) };
        // Started before the rush: the test host would otherwise be started by each of the first posts at once.
        app.CreateClient().Dispose();
        var messages = Enumerable.Range(0, Askers).Select(i => Teams.MessageFrom($"29:asker-{i}", "Hvem kan uttale seg til media?", inGroup: true)).ToList();

        var statuses = await Task.WhenAll(messages.Select(m => Task.Run(async () =>
        {
            using var response = await app.PostAsync(m);
            return (int)response.StatusCode;
        })));

        Assert.All(statuses, status => Assert.Equal(200, status));
        var replies = app.Connector.Calls.Where(c => c.Operation == "reply").ToList();
        Assert.Equal(messages.Select(m => m.Id).Order(), replies.Select(r => r.ActivityId).Distinct().Order());
        Assert.DoesNotContain(replies, r => r.Activity?.Text == Replies.Apology(Language.Norwegian));
        Assert.NotNull((await app.Store.GetAsync(ConversationState.Key(messages[0].Conversation!.Id!), CancellationToken.None))!.Reference);
    }
}
