using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous.Client;

public sealed partial class RendezvousInstanceClient
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rendezvous server {Server} failed transiently; retry {Attempt} in {Delay}")]
        public static partial void Retrying(ILogger logger, Uri server, int attempt, TimeSpan delay);
    }
}
