using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous;

// Refusals name the uuid (a lookup key) and never a credential.
internal static partial class RendezvousLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused {Operation} for entry {Uuid} from {Address}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, Guid? uuid, string? address, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "ALARM: a consumed boot secret for entry {Uuid} was presented again from {Address}")]
    public static partial void BootSecretReplayed(ILogger logger, Guid uuid, string? address);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Refused {Operation} for pool {Pool} from {Address}: {Reason}")]
    public static partial void PoolRefused(ILogger logger, string operation, string pool, string? address, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Throttled {Path} from {Address}: too many failed attempts")]
    public static partial void Throttled(ILogger logger, string path, string? address);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Refused {Path} from {Address}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string path, string? address, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Unexpected failure handling {Path}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string path);
}
