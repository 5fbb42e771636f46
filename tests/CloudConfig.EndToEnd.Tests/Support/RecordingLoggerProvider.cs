using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>Keeps every log entry of every category, so tests can count events and search for leaked secrets.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, EventId Id, string Text)> Entries { get; } = new();

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    public int Count(string categoryEnd, int eventId) =>
        Entries.Count(e => e.Id.Id == eventId && e.Category.EndsWith(categoryEnd, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, eventId, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
