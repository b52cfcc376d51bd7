using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StrategiBot.Tests.Protocol.Connector;

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string State, Exception? Exception);

/// <summary>Keeps every log entry, rendered and raw, so tests can prove what never reaches the logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? string.Empty;
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), values, exception));
    }
}
