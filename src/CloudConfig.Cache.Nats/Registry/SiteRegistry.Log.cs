using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

// Uuids and pool names are logged, secrets and their hashes never: none of these messages takes one.
internal sealed partial class SiteRegistry
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Registered entry {Uuid} in NATS (dynamic pool: {Pool})")]
        public static partial void Registered(ILogger logger, Guid uuid, string? pool);

        [LoggerMessage(2, LogLevel.Debug, "Configuration of {Uuid} updated to generation {Generation}")]
        public static partial void ConfigurationUpdated(ILogger logger, Guid uuid, long generation);

        [LoggerMessage(3, LogLevel.Debug, "Removed entry {Uuid}")]
        public static partial void Removed(ILogger logger, Guid uuid);

        [LoggerMessage(4, LogLevel.Information, "Removed {Count} stale entries not heard from within {Timeout}")]
        public static partial void StaleRemoved(ILogger logger, int count, TimeSpan timeout);

        [LoggerMessage(5, LogLevel.Debug, "Forgot {Count} removal markers older than {Retention}")]
        public static partial void MarkersForgotten(ILogger logger, int count, TimeSpan retention);
    }
}
