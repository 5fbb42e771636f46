using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded;

// User data is never logged: it usually carries a boot secret.
public sealed partial class EmbeddedDeltacloud
{
    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Embedded Deltacloud listening on {ApiUrl}")]
        public static partial void Started(ILogger logger, Uri apiUrl);

        [LoggerMessage(2, LogLevel.Information, "Injected fault: create #{Number} fails with {StatusCode}")]
        public static partial void CreateFailed(ILogger logger, int number, int statusCode);

        [LoggerMessage(3, LogLevel.Information, "Injected fault: instance {InstanceId} created, response held for {Delay}")]
        public static partial void RespondingLate(ILogger logger, string instanceId, TimeSpan delay);
    }
}
