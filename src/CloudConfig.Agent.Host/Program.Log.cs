using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent.Host;

// The agent's typed errors carry no secrets in their messages, so they are logged as they are.
internal static partial class Program
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Invalid options: {Problems}")]
        public static partial void InvalidOptions(ILogger logger, string problems);

        [LoggerMessage(2, LogLevel.Error, "{Message}")]
        public static partial void Stopped(ILogger logger, string message);
    }
}
