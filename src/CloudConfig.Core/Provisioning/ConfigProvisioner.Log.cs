using Microsoft.Extensions.Logging;

namespace CloudConfig.Core;

// Uuids and instance ids are logged; the boot secret and the user data never are.
public sealed partial class ConfigProvisioner
{
    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Information, "Provisioned entry {Uuid} on instance {InstanceId}")]
        public static partial void Provisioned(ILogger logger, Guid uuid, string instanceId);

        [LoggerMessage(101, LogLevel.Warning, "Registering entry {Uuid} failed; nothing was started")]
        public static partial void RegisterFailed(ILogger logger, Exception exception, Guid uuid);

        [LoggerMessage(102, LogLevel.Warning, "Starting instance {Name} for entry {Uuid} failed; removing the entry")]
        public static partial void LaunchFailed(ILogger logger, Exception exception, Guid uuid, string name);

        [LoggerMessage(103, LogLevel.Error, "Clean-up failed for entry {Uuid}: could not {Action}")]
        public static partial void CleanupFailed(ILogger logger, Exception exception, Guid uuid, string action);

        [LoggerMessage(104, LogLevel.Error, "Could not destroy instance {InstanceId}: it is still running")]
        public static partial void TerminateFailed(ILogger logger, Exception exception, string instanceId);

        [LoggerMessage(105, LogLevel.Information, "Pushed configuration generation {Generation} to entry {Uuid}")]
        public static partial void ConfigurationPushed(ILogger logger, Guid uuid, long generation);

        [LoggerMessage(106, LogLevel.Information, "Registered {Count} entries in dynamic pool {Pool}")]
        public static partial void PoolRegistered(ILogger logger, string pool, int count);

        [LoggerMessage(107, LogLevel.Information, "Deprovisioned entry {Uuid}: {Terminated} instance(s) terminated, entry removed: {EntryRemoved}")]
        public static partial void Deprovisioned(ILogger logger, Guid uuid, int terminated, bool entryRemoved);

        [LoggerMessage(108, LogLevel.Warning, "Looking up instance {Name} for entry {Uuid} failed; nothing was changed")]
        public static partial void DeprovisionLookupFailed(ILogger logger, Exception exception, Guid uuid, string name);
    }
}
