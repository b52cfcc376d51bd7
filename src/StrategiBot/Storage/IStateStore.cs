namespace StrategiBot.Storage;

/// <summary>
/// The storage seam: typed records stored whole under a key, with a version per record for optimistic
/// concurrency. SQLite is the embedded default; the in-memory store serves tests.
/// </summary>
internal interface IStateStore
{
    /// <summary>The record and its version, or null when none is stored.</summary>
    Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class;

    /// <summary>
    /// Stores <paramref name="value"/> if the stored version is still <paramref name="expectedVersion"/>
    /// (0: nothing stored yet) and returns the new version; otherwise throws <see cref="StateConflictException"/>.
    /// </summary>
    Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class;

    /// <summary>Removes the record, whatever its version.</summary>
    Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class;
}

/// <summary>A stored record with the version it was read at.</summary>
internal sealed record Versioned<T>(T Value, long Version) where T : class;

/// <summary>The key of a typed record: the kind names the record type, so two types never share a key.</summary>
internal sealed record StateKey<T>(string Kind, string Id) where T : class;

/// <summary>Someone else wrote the record since it was read.</summary>
internal sealed class StateConflictException(string kind, string id)
    : Exception($"The {kind} record was changed by another writer; read it again and retry.")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
