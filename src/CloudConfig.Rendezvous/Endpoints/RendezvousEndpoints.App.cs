using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;

namespace CloudConfig.Rendezvous;

// The app side: authenticated by the API key alone, which no instance credential can stand in for.
internal sealed partial class RendezvousEndpoints
{
    public Task PreRegisterAsync(HttpContext context) => RunAppAsync(context, "app.pre_register", async cancellationToken =>
    {
        var message = await ReadAsync(context, RendezvousJsonContext.Default.RegistrationMessage).ConfigureAwait(false);
        var registration = message.ToRegistration();
        RendezvousTelemetry.Registering(registration.Uuid);
        var entry = await cache.PreRegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        metrics.Registered();
        context.Response.Headers.Location = RendezvousRoutes.EntryFor(entry.Uuid);
        await WriteEntryAsync(context, StatusCodes.Status201Created, entry).ConfigureAwait(false);
    });

    public Task GetAsync(HttpContext context) => RunAppAsync(context, "app.get", async cancellationToken =>
    {
        var entry = await cache.GetAsync(ParseUuid(context), cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigEntryNotFoundException();
        await WriteEntryAsync(context, StatusCodes.Status200OK, entry).ConfigureAwait(false);
    });

    public Task UpdateConfigurationAsync(HttpContext context) => RunAppAsync(context, "app.update_configuration", async cancellationToken =>
    {
        var uuid = ParseUuid(context);
        var message = await ReadAsync(context, RendezvousJsonContext.Default.UpdateConfigurationMessage).ConfigureAwait(false);
        var entry = await cache.UpdateConfigurationAsync(uuid, message.Configuration, cancellationToken).ConfigureAwait(false);
        await WriteEntryAsync(context, StatusCodes.Status200OK, entry).ConfigureAwait(false);
    });

    public Task RemoveAsync(HttpContext context) => RunAppAsync(context, "app.remove", async cancellationToken =>
    {
        if (!await cache.RemoveAsync(ParseUuid(context), cancellationToken).ConfigureAwait(false))
        {
            throw new ConfigEntryNotFoundException();
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    });

    public Task RemoveStaleAsync(HttpContext context) => RunAppAsync(context, "app.remove_stale", async cancellationToken =>
    {
        var message = await ReadAsync(context, RendezvousJsonContext.Default.RemoveStaleMessage).ConfigureAwait(false);
        // Clamped to just past the limit first, so that no number of milliseconds can overflow a TimeSpan.
        var longest = (long)ConfigInputValidator.MaxStaleTimeout.TotalMilliseconds;
        var timeout = TimeSpan.FromMilliseconds(Math.Clamp(message.TimeoutMilliseconds, -1, longest + 1));
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var removed = await cache.RemoveStaleAsync(timeout, cancellationToken).ConfigureAwait(false);
        await RendezvousHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new RemoveStaleResultMessage { Removed = removed }, RendezvousJsonContext.Default.RemoveStaleResultMessage).ConfigureAwait(false);
    });

    public Task ListAsync(HttpContext context) => RunAppAsync(context, "app.list", async cancellationToken =>
    {
        var query = context.Request.Query;
        var limit = _options.MaxPageSize;
        if (query["limit"] is { Count: > 0 } limitText
            && (!int.TryParse(limitText[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit <= 0 || limit > _options.MaxPageSize))
        {
            throw new InvalidConfigInputException("limit", $"must be from 1 to {_options.MaxPageSize}.");
        }

        Guid? after = null;
        if (query["after"] is { Count: > 0 } afterText)
        {
            after = Guid.TryParse(afterText[0], out var cursor) ? cursor : throw new InvalidConfigInputException("after", "must be a uuid.");
        }

        var filter = new ConfigEntryQuery
        {
            Domain = query["domain"] is { Count: > 0 } domain ? domain[0] : null,
            DynamicPool = query["pool"] is { Count: > 0 } pool ? pool[0] : null,
        };
        var page = await EntryPager.ReadPageAsync(cache.ListAsync(filter, cancellationToken), after, limit).ConfigureAwait(false);
        var message = new EntryPageMessage
        {
            Items = [.. page.Items.Select(EntryMessage.From)],
            Next = page.HasMore ? page.Items[^1].Uuid.ToString("D") : null,
        };
        await RendezvousHttp.WriteJsonAsync(context, StatusCodes.Status200OK, message, RendezvousJsonContext.Default.EntryPageMessage).ConfigureAwait(false);
    });

    private Task RunAppAsync(HttpContext context, string operation, Func<CancellationToken, Task> handle) => RunAsync(context, operation, async () =>
    {
        if (!appKey.IsAuthorized(context.Request.Headers.Authorization))
        {
            await RefuseAsync(context, operation, "missing or wrong API key", RendezvousProblems.Unauthorized()).ConfigureAwait(false);
            return;
        }

        FailureGate.Accepted(context);

        await handle(context.RequestAborted).ConfigureAwait(false);
    });

    private static Task WriteEntryAsync(HttpContext context, int status, ConfigEntry entry) =>
        RendezvousHttp.WriteJsonAsync(context, status, EntryMessage.From(entry), RendezvousJsonContext.Default.EntryMessage);
}
