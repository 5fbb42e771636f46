using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

public sealed partial class FederatedConfigRegistry
{
    private static partial class Log
    {
        [LoggerMessage(40, LogLevel.Warning, "The link to cloud {Domain} is down: its mirror last heard from it {SinceLastContact} ago")]
        public static partial void LinkDown(ILogger logger, string domain, TimeSpan? sinceLastContact);

        [LoggerMessage(41, LogLevel.Warning, "Could not read the link status of cloud {Domain} ({Reason})")]
        public static partial void StatusUnavailable(ILogger logger, string domain, string reason);

        [LoggerMessage(42, LogLevel.Warning, "remove_stale left cloud {Domain} alone: its link is down (its mirror last heard from it {SinceLastContact} ago), so its instances' contacts cannot arrive")]
        public static partial void StaleSweepDeferred(ILogger logger, string domain, TimeSpan? sinceLastContact);
    }
}
