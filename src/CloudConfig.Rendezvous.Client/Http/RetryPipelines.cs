using Polly;
using Polly.Retry;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// The retry policies: exponential backoff with jitter, Retry-After honoured. Idempotent calls retry every
/// transient failure; the others only failures that prove the server never processed the request (no connection,
/// 429), because a blind retry could claim a second entry or bump a generation twice.
/// </summary>
internal static class RetryPipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Create(int maxRetryAttempts, TimeSpan baseDelay, TimeSpan maxDelay, bool idempotent, Action<int, TimeSpan>? onRetry)
    {
        if (maxRetryAttempts == 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: { } e } when RendezvousHandlers.IsTrustFailure(e) => false,
                    { Exception: HttpRequestException e } => idempotent || RendezvousHandlers.IsConnectFailure(e),
                    { Exception: TimeoutException } => idempotent,
                    { Result: { } response } => RendezvousHandlers.IsTransient(response.StatusCode, idempotent),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RendezvousHandlers.RetryAfter(args.Outcome.Result?.Headers.RetryAfter, maxDelay)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
