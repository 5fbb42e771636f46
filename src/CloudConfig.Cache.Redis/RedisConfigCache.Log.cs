using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Redis;

// Uuids and pool names are logged, secrets and their hashes never: none of these messages takes one.
// Refusals are Debug: one line per wrong guess would let a flood of them fill the log (a rendezvous server logs them
// as counts per interval instead).
public sealed partial class RedisConfigCache
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Registered entry {Uuid} in Redis (dynamic pool: {Pool})")]
        public static partial void Registered(ILogger logger, Guid uuid, string? pool);

        [LoggerMessage(2, LogLevel.Debug, "Configuration of {Uuid} updated to generation {Generation}")]
        public static partial void ConfigurationUpdated(ILogger logger, Guid uuid, long generation);

        [LoggerMessage(3, LogLevel.Debug, "Removed entry {Uuid}")]
        public static partial void Removed(ILogger logger, Guid uuid);

        [LoggerMessage(4, LogLevel.Information, "Removed {Count} stale entries not heard from within {Timeout}")]
        public static partial void StaleRemoved(ILogger logger, int count, TimeSpan timeout);

        [LoggerMessage(5, LogLevel.Debug, "Entry {Uuid} fetched (first contact: {FirstContact})")]
        public static partial void Fetched(ILogger logger, Guid uuid, bool firstContact);

        [LoggerMessage(6, LogLevel.Warning, "A consumed boot secret for entry {Uuid} was presented again without its trust key: refused. The boot string may have leaked.")]
        public static partial void BootSecretReplayed(ILogger logger, Guid uuid);

        [LoggerMessage(7, LogLevel.Debug, "Refused {Operation} for entry {Uuid}: unknown entry or wrong credential")]
        public static partial void Refused(ILogger logger, Guid uuid, string operation);

        [LoggerMessage(8, LogLevel.Debug, "Entry {Uuid} reported {State}")]
        public static partial void Reported(ILogger logger, Guid uuid, InstanceState state);

        [LoggerMessage(9, LogLevel.Debug, "Assigned dynamic entry {Uuid} from pool {Pool}")]
        public static partial void Assigned(ILogger logger, Guid uuid, string pool);

        [LoggerMessage(10, LogLevel.Debug, "Refused assign_dynamic for pool {Pool}: unknown pool or wrong credential")]
        public static partial void PoolRefused(ILogger logger, string pool);
    }
}
