using CloudConfig.Cache.Rendezvous;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Tool;

/// <summary>The client's log (its retries) on standard error for <c>--verbose</c>, with the API key redacted.</summary>
internal sealed class VerboseLogger(TextWriter error, ApiKey apiKey) : ILogger<RendezvousConfigCache>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            error.WriteLine(apiKey.Redact($"cloudconfig: {formatter(state, exception)}"));
        }
    }
}
