using System.Text.Json;

namespace StrategiBot.Storage;

/// <summary>
/// Keeps records in memory, serialised like the durable stores so that tests see the same round-trip
/// behaviour (no shared mutable instances between readers).
/// </summary>
internal sealed class MemoryStateStore : IStateStore
{
    private readonly Dictionary<(string Kind, string Id), (string Json, long Version)> _records = [];
    private readonly Lock _gate = new();

    public Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue((key.Kind, key.Id), out var stored)
                ? new Versioned<T>(StateJson.Deserialize<T>(stored.Json), stored.Version)
                : null);
        }
    }

    public Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class
    {
        var json = StateJson.Serialize(value);
        lock (_gate)
        {
            var current = _records.TryGetValue((key.Kind, key.Id), out var stored) ? stored.Version : 0;
            if (current != expectedVersion)
            {
                throw new StateConflictException(key.Kind, key.Id);
            }
            _records[(key.Kind, key.Id)] = (json, current + 1);
            return Task.FromResult(current + 1);
        }
    }

    public Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class
    {
        lock (_gate)
        {
            _records.Remove((key.Kind, key.Id));
        }
        return Task.CompletedTask;
    }
}
