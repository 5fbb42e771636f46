using System.Diagnostics;
using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The request handlers. Every handler answers through one error path, so every refusal has one shape and no
/// input (malformed JSON, wrong types, bad uuids, garbled headers) can reach a 500.
/// </summary>
internal sealed partial class RendezvousEndpoints(
    IConfigCache cache,
    IOptions<RendezvousOptions> options,
    AppKeyAuthenticator appKey,
    FailureThrottle throttle,
    RefusalSummary refusals,
    RendezvousMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<RendezvousEndpoints> logger)
{
    private readonly RendezvousOptions _options = options.Value;

    private static Guid ParseUuid(HttpContext context) =>
        Guid.TryParse(context.GetRouteValue("uuid") as string, out var uuid) && uuid != Guid.Empty
            ? uuid
            : throw new InvalidConfigInputException("uuid", "must be a non-empty uuid.");

    private Task<T> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        RendezvousHttp.ReadJsonAsync(context, typeInfo, _options.MaxRequestBodyBytes);

    private Task RunAsync(HttpContext context, string operation, Func<Task> handle) => RunAsync(context, operation, handle, static handle => handle());

    // The state form lets the instance routes, which every agent calls, pass what they need without a closure per request.
    private async Task RunAsync<TState>(HttpContext context, string operation, TState state, Func<TState, Task> handle)
    {
        context.Response.Headers.CacheControl = "no-store";
        using var activity = RendezvousTelemetry.Start(operation, context);
        try
        {
            await handle(state).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            await WriteErrorAsync(context, operation, e).ConfigureAwait(false);
        }
    }

    private async Task WriteErrorAsync(HttpContext context, string operation, Exception exception)
    {
        if (context.Response.HasStarted)
        {
            RendezvousLog.Unexpected(logger, exception, context.Request.Path);
            return;
        }

        var problem = exception switch
        {
            UnsupportedMediaTypeException => RendezvousProblems.UnsupportedMediaType(),
            RequestBodyTooLargeException tooLarge => RendezvousProblems.BodyTooLarge(tooLarge.Limit),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => RendezvousProblems.BodyTooLarge(_options.MaxRequestBodyBytes),
            BadHttpRequestException => RendezvousProblems.InvalidInput("body", "could not be read."),
            JsonException json => RendezvousProblems.InvalidInput(RendezvousHttp.FieldOf(json), "is missing or malformed."),
            _ => RendezvousProblems.FromException(exception),
        };

        if (problem is null)
        {
            RendezvousLog.Unexpected(logger, exception, context.Request.Path);
            problem = RendezvousProblems.Internal();
            Activity.Current?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
        else if (problem.Status < StatusCodes.Status500InternalServerError)
        {
            refusals.Count("bad request: " + problem.ErrorKind, FailureGate.AddressOf(context), FailureGate.EntryOf(context));
            metrics.Refused(operation, problem.ErrorKind, "bad request");
            RendezvousTelemetry.Refused(problem.ErrorKind, "bad request");
        }

        await RendezvousHttp.WriteProblemAsync(context, problem).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, string operation, string reason, ProblemMessage problem)
    {
        var address = FailureGate.AddressOf(context);
        var entry = FailureGate.EntryOf(context);
        var retryAfter = await throttle.RecordFailureAsync(context.Features.Get<FailureLease>(), FailureGate.AddressKeyOf(context), entry, context.RequestAborted).ConfigureAwait(false);
        var kind = retryAfter is null ? problem.ErrorKind : RendezvousProblemKinds.RateLimited;
        metrics.Refused(operation, kind, reason);
        RendezvousTelemetry.Refused(kind, reason);
        refusals.Count($"{operation}: {reason}", address, entry);
        if (retryAfter is { } wait)
        {
            // A spent budget: the refusal says "come back later" instead, to the right credential never.
            await FailureGate.WriteThrottledAsync(context, wait).ConfigureAwait(false);
            return;
        }

        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = operation.StartsWith("app.", StringComparison.Ordinal) ? RendezvousHeaders.BearerScheme
                : context.GetRouteValue("pool") is not null ? RendezvousHeaders.PoolScheme
                : RendezvousHeaders.TrustScheme;
        }

        await RendezvousHttp.WriteProblemAsync(context, problem).ConfigureAwait(false);
    }
}
