using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using CloudConfig.Rendezvous.Protocol;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Rendezvous;

// The one place where Flurl's exceptions become ours; nothing of Flurl leaves this class.
public sealed partial class RendezvousConfigCache
{
    private async Task<T> CallAsync<T>(string operation, Guid? uuid, bool idempotent, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var activity = RendezvousCacheTelemetry.Start(operation, uuid, _options.BaseAddress!);
        try
        {
            return await (idempotent ? _idempotent : _nonIdempotent)
                .ExecuteAsync(async token => await call(token).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FlurlHttpException e)
        {
            var mapped = await MapAsync(e).ConfigureAwait(false);
            CloudConfigTelemetry.RecordFailure(activity, mapped);
            throw mapped;
        }
    }

    private static async Task<ConfigCacheException> MapAsync(FlurlHttpException exception)
    {
        if (RendezvousHandlers.IsTrustFailure(exception))
        {
            return new RendezvousTrustException("The rendezvous server's certificate was refused (not the pinned certificate, or not valid).", exception);
        }

        if (exception.StatusCode is not { } status)
        {
            return new ConfigCacheUnavailableException("The rendezvous server could not be reached.", exception);
        }

        ProblemMessage? problem = null;
        try
        {
            problem = await exception.GetResponseJsonAsync<ProblemMessage>().ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FlurlParsingException or InvalidOperationException)
        {
            // Not one of our problems (a proxy's page): the status alone decides.
        }

        return RendezvousProblems.ToException(status, problem)
            ?? new ConfigCacheUnavailableException($"The rendezvous server answered {status} after retries.", exception);
    }

    private void LogRetry(int attempt, TimeSpan delay) => Log.Retrying(_logger, _options.BaseAddress!, attempt, delay);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Rendezvous server {Server} failed transiently; retry {Attempt} in {Delay}")]
        public static partial void Retrying(ILogger logger, Uri server, int attempt, TimeSpan delay);
    }
}
