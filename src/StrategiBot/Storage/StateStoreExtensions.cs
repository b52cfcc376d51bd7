namespace StrategiBot.Storage;

internal static class StateStoreExtensions
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Writers of one record within this process take turns: a busy channel's messages all update its
    /// conversation record, and every vote of an organisation its one feedback log. Racing, all but one would
    /// read a stale version and retry, and enough of them at once run out of attempts. Stripes rather than a
    /// lock per key, so the locks do not grow with the number of conversations; two keys sharing a stripe
    /// only wait for each other. The optimistic retries below remain for writers in other processes.
    /// </summary>
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Reads, changes and writes a record, retrying from a fresh read when another writer got there first,
    /// so concurrent turns of one conversation never lose each other's changes.
    /// </summary>
    public static async Task<T> UpdateAsync<T>(this IStateStore store, StateKey<T> key, Func<T?, T> change, CancellationToken cancellationToken)
        where T : class
    {
        var stripe = Stripes[(int)((uint)HashCode.Combine(key.Kind, key.Id) % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
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
        finally
        {
            stripe.Release();
        }
    }

    public static async Task<T?> GetAsync<T>(this IStateStore store, StateKey<T> key, CancellationToken cancellationToken)
        where T : class =>
        (await store.ReadAsync(key, cancellationToken))?.Value;
}
