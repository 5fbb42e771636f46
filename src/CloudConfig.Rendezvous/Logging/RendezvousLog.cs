using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous;

// Refusals are logged as counts per interval (RefusalSummary), never one line per request: a flood of wrong
// credentials must not turn into a flood of log lines. Entries are named by uuid (a lookup key), never a credential.
internal static partial class RendezvousLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused {Count} requests in the last {Seconds} s: {Reasons}; from {Addresses} source addresses (most: {TopAddress}, {TopAddressCount}); most refused entry: {TopEntry} ({TopEntryCount})")]
    public static partial void RefusalSummary(ILogger logger, long count, long seconds, string reasons, string addresses, string topAddress, long topAddressCount, string topEntry, long topEntryCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "ALARM: a consumed boot secret for entry {Uuid} was presented again from {Address}; further replays in this interval are counted in the next summary")]
    public static partial void BootSecretReplayed(ILogger logger, Guid uuid, string? address);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Unexpected failure handling {Path}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string path);
}
