using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

// Source names and uuids are logged; the text a source returned never is, because it holds the boot secret.
internal sealed partial class BootStringLocator
{
    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Debug, "Boot string source {Source} could not be read ({Error}); trying the next one")]
        public static partial void SourceUnavailable(ILogger logger, string source, string error);

        [LoggerMessage(101, LogLevel.Debug, "Boot string source {Source} has nothing")]
        public static partial void SourceEmpty(ILogger logger, string source);

        [LoggerMessage(102, LogLevel.Information, "Found the boot string for entry {Uuid} in {Source}")]
        public static partial void Found(ILogger logger, string source, Guid uuid);

        [LoggerMessage(103, LogLevel.Warning, "Boot string source {Source} holds text that is not a boot string ({Problem}); trying the next one")]
        public static partial void NotABootString(ILogger logger, string source, string problem);

        [LoggerMessage(104, LogLevel.Warning, "Boot string source {Source} answered something unusable ({Problem}); treating it as unavailable and trying the next one")]
        public static partial void SourceAnsweredGarbage(ILogger logger, string source, string problem);
    }
}
