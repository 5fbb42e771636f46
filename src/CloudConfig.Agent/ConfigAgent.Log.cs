using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

// Uuids, endpoints and generations are logged; boot secrets, trust keys and pool credentials never are: no message
// here takes one, and exception messages of the contract never contain one.
internal sealed partial class ConfigAgent
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Resuming as entry {Uuid} from saved state (last applied generation: {Generation})")]
        public static partial void Resuming(ILogger logger, Guid uuid, long? generation);

        [LoggerMessage(2, LogLevel.Information, "First contact for entry {Uuid} at {Endpoint} (retrying a lost answer: {Retrying})")]
        public static partial void FirstContact(ILogger logger, Guid uuid, RendezvousEndpoint endpoint, bool retrying);

        [LoggerMessage(3, LogLevel.Warning, "The saved state belongs to entry {SavedUuid}, but the boot string names {Uuid}: starting over as a new instance")]
        public static partial void StateOfAnotherEntry(ILogger logger, Guid? savedUuid, Guid uuid);

        [LoggerMessage(4, LogLevel.Information, "Claiming an entry from dynamic pool {Pool} at {Endpoint}")]
        public static partial void ClaimingDynamic(ILogger logger, string pool, RendezvousEndpoint endpoint);

        [LoggerMessage(5, LogLevel.Information, "Assigned entry {Uuid} from dynamic pool {Pool}")]
        public static partial void Assigned(ILogger logger, Guid uuid, string pool);

        [LoggerMessage(6, LogLevel.Information, "Generation {Generation} of entry {Uuid} was already applied: reporting the saved status instead of applying again")]
        public static partial void AlreadyApplied(ILogger logger, Guid uuid, long generation);

        [LoggerMessage(7, LogLevel.Information, "Applying generation {Generation} of entry {Uuid} ({ContentType}, {Length} bytes)")]
        public static partial void Applying(ILogger logger, Guid uuid, long generation, string contentType, int length);

        [LoggerMessage(8, LogLevel.Error, "The applier threw while applying generation {Generation} of entry {Uuid}")]
        public static partial void ApplierThrew(ILogger logger, Guid uuid, long generation, Exception exception);

        [LoggerMessage(9, LogLevel.Information, "Generation {Generation} of entry {Uuid}: {State} (exit code {ExitCode})")]
        public static partial void Applied(ILogger logger, Guid uuid, long generation, InstanceState state, int? exitCode);

        [LoggerMessage(10, LogLevel.Error, "The rendezvous point at {Endpoint} refused {Operation} for entry {Uuid}: stopping instead of retrying")]
        public static partial void AuthenticationFailed(ILogger logger, string operation, Guid? uuid, RendezvousEndpoint endpoint);

        [LoggerMessage(11, LogLevel.Warning, "{Operation} at {Endpoint} failed ({Error}: {Message})")]
        public static partial void CallFailed(ILogger logger, string operation, RendezvousEndpoint endpoint, string error, string message);

        [LoggerMessage(12, LogLevel.Warning, "Every rendezvous endpoint failed {Operation}; retrying in {Delay} (failure {Failures})")]
        public static partial void RetryScheduled(ILogger logger, string operation, TimeSpan delay, int failures);

        [LoggerMessage(13, LogLevel.Error, "The result of generation {Generation} of entry {Uuid} breaks the cache's limits ({Field}): reporting it as failed")]
        public static partial void ReportRefusedLocally(ILogger logger, Guid uuid, long generation, string field);

        [LoggerMessage(15, LogLevel.Error, "The rendezvous point at {Endpoint} refused {Operation} ({Reason}): stopping instead of retrying")]
        public static partial void Refused(ILogger logger, string operation, RendezvousEndpoint endpoint, string reason);

        [LoggerMessage(16, LogLevel.Information, "Reported the refusal to the rendezvous point as a failed status of entry {Uuid}")]
        public static partial void RefusalReported(ILogger logger, Guid uuid);

        [LoggerMessage(17, LogLevel.Warning, "The refusal could not be reported to the rendezvous point ({Reason})")]
        public static partial void RefusalNotReported(ILogger logger, string reason);

        [LoggerMessage(18, LogLevel.Warning, "An earlier agent left a configuration run of generation {Generation} behind (process group {ProcessGroup}): ending it before applying anything")]
        public static partial void EndingLeftoverRun(ILogger logger, long generation, int? processGroup);

        [LoggerMessage(19, LogLevel.Warning, "{Variable} could not be blanked in /proc/self/environ: a process of this user may still read it there (prefer user data or the kernel command line for the boot string)")]
        public static partial void CredentialNotBlanked(ILogger logger, string variable);

        [LoggerMessage(14, LogLevel.Error, "The certificate of the rendezvous point at {Endpoint} was refused during {Operation}: stopping instead of retrying")]
        public static partial void TrustFailed(ILogger logger, string operation, RendezvousEndpoint endpoint);
    }
}
