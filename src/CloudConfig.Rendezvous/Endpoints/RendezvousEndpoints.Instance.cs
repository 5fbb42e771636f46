using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Rendezvous;

// The instance side: every call names one entry (or pool) and proves a credential for it alone.
internal sealed partial class RendezvousEndpoints
{
    private const string AssignOperation = "assign_dynamic";

    public Task FetchAsync(HttpContext context) => RunInstanceAsync(context, "fetch", static (self, context, uuid, auth, cancellationToken) => self.FetchVerifiedAsync(context, uuid, auth, cancellationToken));

    public Task WaitForUpdateAsync(HttpContext context) => RunInstanceAsync(context, "wait", static (self, context, uuid, auth, cancellationToken) => self.WaitVerifiedAsync(context, uuid, auth, cancellationToken));

    public Task ReportAsync(HttpContext context) => RunInstanceAsync(context, "report", static (self, context, uuid, auth, cancellationToken) => self.ReportVerifiedAsync(context, uuid, auth, cancellationToken));

    private async Task<bool> FetchVerifiedAsync(HttpContext context, Guid uuid, InstanceAuthorization auth, CancellationToken cancellationToken)
    {
        if (!auth.IsBoot && !auth.IsTrust)
        {
            return false;
        }

        var credential = auth.IsBoot ? InstanceCredential.FirstContact(auth.First, auth.Second!) : InstanceCredential.Trusted(auth.First);
        // One cache call whatever the uuid: reading the entry around it (to tell a replay or a claim) would cost more
        // for an existing uuid than for an unknown one, and so tell them apart.
        InstanceConfiguration configuration;
        try
        {
            configuration = await cache.FetchAsync(uuid, credential, cancellationToken).ConfigureAwait(false);
        }
        catch (BootSecretReplayedException)
        {
            metrics.Replayed();
            refusals.Replayed(uuid, FailureGate.AddressOf(context));
            throw;
        }

        FailureGate.Accepted(context);
        metrics.Fetched(auth.IsBoot ? "boot" : "trust");
        RendezvousTelemetry.Served(configuration.Generation);
        if (auth.IsBoot)
        {
            metrics.Claimed("first-contact");
        }

        context.Response.Headers.ETag = RendezvousHeaders.ETagFor(configuration.Generation);
        await WriteConfigurationAsync(context, configuration).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> WaitVerifiedAsync(HttpContext context, Guid uuid, InstanceAuthorization auth, CancellationToken cancellationToken)
    {
        if (!auth.IsTrust)
        {
            return false;
        }

        var known = KnownGeneration(context);
        var timeout = RequestedTimeout(context);
        // The verdict first, so the address's admission ends before the poll waits (maybe for minutes).
        var configuration = await cache.FetchAsync(uuid, InstanceCredential.Trusted(auth.First), cancellationToken).ConfigureAwait(false);
        FailureGate.Accepted(context);
        if (configuration.Generation <= known)
        {
            // A stopping server answers its long polls at once rather than holding its shutdown until they time out.
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            metrics.LongPollStarted();
            try
            {
                configuration = await cache.WaitForUpdateAsync(uuid, auth.First, known, timeout, waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                context.Response.Headers.RetryAfter = "1";
                context.Response.Headers.Connection = "close";
                await RendezvousHttp.WriteProblemAsync(context, RendezvousProblems.Stopping()).ConfigureAwait(false);
                return true;
            }
            finally
            {
                metrics.LongPollEnded();
            }
        }

        if (configuration is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return true;
        }

        RendezvousTelemetry.Served(configuration.Generation);
        context.Response.Headers.ETag = RendezvousHeaders.ETagFor(configuration.Generation);
        await WriteConfigurationAsync(context, configuration).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> ReportVerifiedAsync(HttpContext context, Guid uuid, InstanceAuthorization auth, CancellationToken cancellationToken)
    {
        if (!auth.IsTrust)
        {
            return false;
        }

        var message = await ReadAsync(context, RendezvousJsonContext.Default.ReportMessage).ConfigureAwait(false);
        var report = message.ToReport();
        await cache.UpdateCacheAsync(uuid, auth.First, report, cancellationToken).ConfigureAwait(false);
        FailureGate.Accepted(context);
        metrics.Reported(RendezvousTelemetry.StateName(report.Status.State));
        RendezvousTelemetry.Reported(report.Status);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }

    public Task AssignAsync(HttpContext context) => RunAsync(context, AssignOperation, async () =>
    {
        const string Operation = AssignOperation;
        var pool = context.GetRouteValue("pool") as string ?? "";
        var auth = InstanceAuthorization.Parse(context.Request.Headers.Authorization);
        if (auth is not { IsPool: true })
        {
            await RefuseAsync(context, Operation, "missing or malformed credential", RendezvousProblems.Unauthorized()).ConfigureAwait(false);
            return;
        }

        try
        {
            var configuration = await cache.AssignDynamicAsync(pool, auth.First, auth.Second!, context.RequestAborted).ConfigureAwait(false);
            FailureGate.Accepted(context);
            metrics.Claimed("dynamic");
            RendezvousTelemetry.Served(configuration.Generation);
            await WriteConfigurationAsync(context, configuration).ConfigureAwait(false);
        }
        catch (ConfigEntryNotFoundException)
        {
            await RefuseAsync(context, Operation, "wrong credential or unknown pool", RendezvousProblems.NotFound()).ConfigureAwait(false);
        }
    });

    private Task RunInstanceAsync(HttpContext context, string operation, Func<RendezvousEndpoints, HttpContext, Guid, InstanceAuthorization, CancellationToken, Task<bool>> handle) =>
        RunAsync(context, operation, (Self: this, Context: context, Operation: operation, Handle: handle), static state => state.Self.RunVerifiedAsync(state.Context, state.Operation, state.Handle));

    private async Task RunVerifiedAsync(HttpContext context, string operation, Func<RendezvousEndpoints, HttpContext, Guid, InstanceAuthorization, CancellationToken, Task<bool>> handle)
    {
        var uuid = ParseUuid(context);
        var auth = InstanceAuthorization.Parse(context.Request.Headers.Authorization);
        try
        {
            if (auth is null || !await handle(this, context, uuid, auth, context.RequestAborted).ConfigureAwait(false))
            {
                await RefuseAsync(context, operation, "missing or malformed credential", RendezvousProblems.Unauthorized()).ConfigureAwait(false);
            }
        }
        catch (BootSecretReplayedException)
        {
            await RefuseAsync(context, operation, "replayed boot secret", RendezvousProblems.NotFound()).ConfigureAwait(false);
        }
        catch (ConfigEntryNotFoundException)
        {
            await RefuseAsync(context, operation, "unknown entry or wrong credential", RendezvousProblems.NotFound()).ConfigureAwait(false);
        }
    }

    private static Task WriteConfigurationAsync(HttpContext context, InstanceConfiguration configuration) =>
        RendezvousHttp.WriteSmallJsonAsync(context, StatusCodes.Status200OK, configuration, InstanceConfigurationJson.Write);

    private static long KnownGeneration(HttpContext context)
    {
        if (context.Request.Query["after"] is { Count: > 0 } after)
        {
            return long.TryParse(after[0], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
                ? generation
                : throw new InvalidConfigInputException("after", "must be a non-negative integer.");
        }

        // An agent may instead send back the ETag of the configuration it holds.
        var tag = context.Request.Headers.IfNoneMatch.ToString();
        return tag.Length > 3 && tag.StartsWith("\"g", StringComparison.Ordinal) && tag.EndsWith('"')
            && long.TryParse(tag.AsSpan(2, tag.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var tagged)
            ? tagged
            : throw new InvalidConfigInputException("after", "is required (or If-None-Match with a configuration's ETag).");
    }

    private TimeSpan RequestedTimeout(HttpContext context)
    {
        if (context.Request.Query["timeoutMs"] is not { Count: > 0 } text)
        {
            return _options.MaxLongPoll;
        }

        if (!long.TryParse(text[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
        {
            throw new InvalidConfigInputException("timeout", "must be an integer number of milliseconds.");
        }

        if (milliseconds < 0)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        // Bounded so a long poll never pins a connection for longer than the operator allows.
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, (long)_options.MaxLongPoll.TotalMilliseconds));
    }
}
