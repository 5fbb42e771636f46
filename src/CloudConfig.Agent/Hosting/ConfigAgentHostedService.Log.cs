using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

internal sealed partial class ConfigAgentHostedService
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Critical, "The configuration agent stopped: {Reason} (exit code {ExitCode}); stopping the application")]
        public static partial void Stopped(ILogger logger, int exitCode, string reason);

        // The stack, for whoever needs it: off by default, so that the failure itself stays one line.
        [LoggerMessage(2, LogLevel.Debug, "The configuration agent's error, in full")]
        public static partial void StoppedDetail(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Information, "The configuration agent finished after the first apply (ExitAfterApply); stopping the application")]
        public static partial void Finished(ILogger logger);
    }
}
