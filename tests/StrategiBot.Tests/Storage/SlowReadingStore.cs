using StrategiBot.Storage;

namespace StrategiBot.Tests.Storage;

/// <summary>A store whose reads take a while to arrive, so writers that start together all read the same version.</summary>
internal sealed class SlowReadingStore(IStateStore inner) : IStateStore
{
    public async Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class
    {
        var read = await inner.ReadAsync(key, cancellationToken);
        await Task.Delay(20, cancellationToken);
        return read;
    }

    public Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class =>
        inner.WriteAsync(key, value, expectedVersion, cancellationToken);

    public Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class => inner.DeleteAsync(key, cancellationToken);
}
