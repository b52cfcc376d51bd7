using Microsoft.Data.Sqlite;
using StrategiBot.Conversation;
using StrategiBot.Storage;

namespace StrategiBot.Tests.Storage;

/// <summary>The storage contract, held by every implementation alike.</summary>
public sealed class StateStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strategibot-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Providers => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_record_round_trips_whole(string provider)
    {
        var store = Create(provider);
        var key = ConversationState.Key("19:abc@thread.v2;messageid=1");
        var state = new ConversationState
        {
            Dialog = new DialogState("press", "role", DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            Reference = new ConversationReference("https://smba.trafficmanager.net/emea/", "msteams", "19:abc", "channel", "t", "28:b", null, "nb-NO"),
            RecentMessageIds = ["1763716451241", "1763716452000"],
        };

        var version = await store.WriteAsync(key, state, 0, CancellationToken.None);
        var read = await store.ReadAsync(key, CancellationToken.None);

        Assert.Equal(1, version);
        // A list read back is a new list, which a record compares by reference.
        Assert.Equal(state.RecentMessageIds, read!.Value.RecentMessageIds);
        Assert.Equal(state with { RecentMessageIds = read.Value.RecentMessageIds }, read.Value);
        Assert.Equal(1, read.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_write_from_a_stale_version_is_refused(string provider)
    {
        var store = Create(provider);
        var key = UserState.Key("u1");
        await store.WriteAsync(key, new UserState(), 0, CancellationToken.None);
        await store.WriteAsync(key, new UserState { WelcomedAt = DateTimeOffset.UnixEpoch }, 1, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync(key, new UserState(), 1, CancellationToken.None));
        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync(key, new UserState(), 0, CancellationToken.None));
        Assert.Equal(DateTimeOffset.UnixEpoch, (await store.ReadAsync(key, CancellationToken.None))!.Value.WelcomedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_updates_lose_nothing(string provider)
    {
        var store = Create(provider);
        var key = new StateKey<Counter>("counter", "c");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await store.UpdateAsync(key, c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None);
            }
        })));

        Assert.Equal(40, (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    /// <summary>
    /// Many writers of one record at once, each reading slowly enough that they would all read the same
    /// version: within one process they take turns, so none runs out of retries.
    /// </summary>
    [Fact]
    public async Task Many_writers_of_one_record_at_once_all_get_through()
    {
        var store = new SlowReadingStore(new MemoryStateStore());
        var key = new StateKey<Counter>("counter", "busy");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            store.UpdateAsync(key, c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None))));

        Assert.Equal(50, (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Kinds_do_not_share_keys_and_delete_removes(string provider)
    {
        var store = Create(provider);
        await store.WriteAsync(UserState.Key("same"), new UserState(), 0, CancellationToken.None);

        Assert.Null(await store.ReadAsync(ConversationState.Key("same"), CancellationToken.None));
        await store.DeleteAsync(UserState.Key("same"), CancellationToken.None);
        Assert.Null(await store.ReadAsync(UserState.Key("same"), CancellationToken.None));
    }

    [Fact]
    public async Task Sqlite_keeps_state_across_a_restart()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "nested", "bot.db") }.ToString();
        var key = ConversationState.Key("a:1");
        await new SqliteStateStore(connection).WriteAsync(key, new ConversationState { IsBlocked = true }, 0, CancellationToken.None);

        var reopened = new SqliteStateStore(connection);

        Assert.True((await reopened.GetAsync(key, CancellationToken.None))!.IsBlocked);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IStateStore Create(string provider) => provider switch
    {
        "sqlite" => new SqliteStateStore(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "state.db") }.ToString()),
        _ => new MemoryStateStore(),
    };
}

/// <summary>A record only the concurrency test uses.</summary>
internal sealed record Counter(int Value);
