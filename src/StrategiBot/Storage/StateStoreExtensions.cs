namespace StrategiBot.Storage;

internal static class StateStoreExtensions
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Reads, changes and writes a record, retrying from a fresh read when another writer got there first,
    /// so concurrent turns of one conversation never lose each other's changes.
    /// </summary>
    public static async Task<T> UpdateAsync<T>(this IStateStore store, StateKey<T> key, Func<T?, T> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.ReadAsync(key, cancellationToken);
            var next = change(current?.Value);
            try
            {
                await store.WriteAsync(key, next, current?.Version ?? 0, cancellationToken);
                return next;
            }
            catch (StateConflictException) when (attempt < MaxAttempts)
            {
                // Writers that collided and retried at once would collide again; a short random pause,
                // growing with each attempt, lets one of them through.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
            }
        }
    }

    public static async Task<T?> GetAsync<T>(this IStateStore store, StateKey<T> key, CancellationToken cancellationToken)
        where T : class =>
        (await store.ReadAsync(key, cancellationToken))?.Value;
}
