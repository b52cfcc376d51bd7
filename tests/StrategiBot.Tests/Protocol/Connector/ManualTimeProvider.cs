using System.Threading.Channels;

namespace StrategiBot.Tests.Protocol.Connector;

/// <summary>
/// A clock that moves only when told. With <c>autoAdvance</c> every timer jumps the clock forward and fires at
/// once, so retry tests run instantly while still recording each requested delay; without it a test calls
/// <see cref="Advance"/> and can observe that nothing happens before the due time.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start, bool autoAdvance) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _requestedDelays = [];
    private readonly Channel<TimeSpan> _timerCreated = Channel.CreateUnbounded<TimeSpan>();
    private DateTimeOffset _now = start;

    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDelays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("Only one-shot timers are simulated.");
        }

        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _requestedDelays.Add(dueTime);
            if (autoAdvance)
            {
                _now += dueTime;
            }
            else
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }

        if (autoAdvance)
        {
            // Fired off the caller's stack, as a real timer would be.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        _timerCreated.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (bounded, in real time) until some code has started a timer on this clock.</summary>
    public async Task<bool> WaitForTimerAsync()
    {
        try
        {
            await _timerCreated.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            _timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("Timers are not re-armed in these tests.");

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
