using CloudConfig.Rendezvous.Client;
using Flurl.Http;
using Polly;
using Polly.Retry;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>
/// Retries of the app's calls: jittered exponential backoff for transient failures; 401, 403, 404 and every
/// other refusal are final; calls that are not idempotent retry only when the server cannot have processed them.
/// </summary>
internal static class FlurlRetry
{
    public static ResiliencePipeline Create(RendezvousConfigCacheOptions options, bool idempotent, Action<int, TimeSpan> onRetry)
    {
        if (options.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is FlurlHttpException e && IsTransient(e, idempotent)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is FlurlHttpException { Call.Response: { } response }
                        ? RendezvousHandlers.RetryAfter(response.ResponseMessage.Headers.RetryAfter, options.MaxRetryDelay)
                        : null),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool IsTransient(FlurlHttpException exception, bool idempotent) => exception switch
    {
        _ when RendezvousHandlers.IsTrustFailure(exception) => false,
        FlurlHttpTimeoutException => idempotent,
        { StatusCode: { } status } => RendezvousHandlers.IsTransient((System.Net.HttpStatusCode)status, idempotent),
        _ => idempotent || RendezvousHandlers.IsConnectFailure(exception),
    };
}
