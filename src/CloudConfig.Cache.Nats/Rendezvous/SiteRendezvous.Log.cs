using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

// Uuids and pool names are logged, secrets and their hashes never: none of these messages takes one.
internal sealed partial class SiteRendezvous
{
    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Debug, "Entry {Uuid} fetched (first contact: {FirstContact})")]
        public static partial void Fetched(ILogger logger, Guid uuid, bool firstContact);

        [LoggerMessage(21, LogLevel.Warning, "A consumed boot secret for entry {Uuid} was presented again without its trust key: refused. The boot string may have leaked.")]
        public static partial void BootSecretReplayed(ILogger logger, Guid uuid);

        [LoggerMessage(22, LogLevel.Information, "Refused {Operation} for entry {Uuid}: unknown entry or wrong credential")]
        public static partial void Refused(ILogger logger, Guid uuid, string operation);

        [LoggerMessage(23, LogLevel.Debug, "Entry {Uuid} reported {State}")]
        public static partial void Reported(ILogger logger, Guid uuid, InstanceState state);

        [LoggerMessage(24, LogLevel.Debug, "Assigned dynamic entry {Uuid} from pool {Pool}")]
        public static partial void Assigned(ILogger logger, Guid uuid, string pool);

        [LoggerMessage(25, LogLevel.Information, "Refused assign_dynamic for pool {Pool}: unknown pool or wrong credential")]
        public static partial void PoolRefused(ILogger logger, string pool);

        [LoggerMessage(26, LogLevel.Warning, "A claim on dynamic entry {Uuid} of pool {Pool} was taken over while it stalled; the entry stays unassigned until remove_stale sweeps it")]
        public static partial void ReservationLost(ILogger logger, Guid uuid, string pool);
    }
}
