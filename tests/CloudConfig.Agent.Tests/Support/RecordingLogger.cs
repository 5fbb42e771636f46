using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent.Tests;

/// <summary>Keeps every log entry (formatted message, structured values and exception text) for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(EventId Id, string Text, IReadOnlyList<KeyValuePair<string, object?>> Values)> Entries { get; } = new();

    public event Action<EventId, IReadOnlyList<KeyValuePair<string, object?>>>? Logged;

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue((eventId, formatter(state, exception) + (exception is null ? "" : "\n" + exception), values));
        Logged?.Invoke(eventId, values);
    }
}
