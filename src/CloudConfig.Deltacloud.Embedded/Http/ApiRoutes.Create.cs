using Microsoft.AspNetCore.Http;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class ApiRoutes
{
    private static readonly string[] OverridableProperties = ["memory", "storage", "cpu", "architecture"];

    private static async Task CreateInstanceAsync(HttpContext context, ServerContext server)
    {
        var options = server.Options;
        var parameters = await RequestParameters.ReadAsync(context.Request).ConfigureAwait(false);
        var imageId = parameters.Get("image_id");
        if (imageId is null)
        {
            await Responses.PlainAsync(context, 400, MissingParameter("image_id", parameters)).ConfigureAwait(false);
            return;
        }

        var number = server.State.NextCreateNumber();
        var fault = options.CreateFault?.Invoke(number) ?? EmbeddedCreateFault.None;
        if (options.CreateLatency > TimeSpan.Zero)
        {
            await Task.Delay(options.CreateLatency, options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault.Kind == EmbeddedCreateFaultKind.Fail)
        {
            EmbeddedDeltacloud.Log.CreateFailed(server.Logger, number, fault.StatusCode);
            await Responses.ErrorAsync(context, fault.StatusCode, parameters.Where(p => p.Key != "user_data")).ConfigureAwait(false);
            return;
        }

        if (!TryDecodeUserData(parameters.Get("user_data"), out var userData))
        {
            await Responses.ErrorAsync(context, 400, [new("image_id", imageId)], "Parameter 'user_data' is not valid base64 (a space usually means a '+' was not URL-encoded).").ConfigureAwait(false);
            return;
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in OverridableProperties)
        {
            if (parameters.Get("hwp_" + property) is { } value)
            {
                overrides[property] = value;
            }
        }

        var (instance, error) = server.State.Create(new CreateInstanceRequest(imageId)
        {
            RealmId = parameters.Get("realm_id"),
            HardwareProfileId = parameters.Get("hwp_id"),
            Overrides = overrides,
            Name = parameters.Get("name"),
            KeyName = parameters.Get("keyname"),
            UserData = userData,
        });
        if (instance is null)
        {
            // user_data is left out of the echoed request: it usually carries a credential.
            await Responses.ErrorAsync(context, 400, parameters.Where(p => p.Key != "user_data"), error).ConfigureAwait(false);
            return;
        }

        // The late response's timer starts before the hook runs, so a test that advances a fake clock once the
        // hook has seen the instance always finds the timer already there.
        var late = fault.Kind == EmbeddedCreateFaultKind.RespondLate
            ? Task.Delay(fault.Delay, options.TimeProvider, context.RequestAborted)
            : Task.CompletedTask;
        server.Hooks.Dispatch(instance);
        if (fault.Kind == EmbeddedCreateFaultKind.RespondLate)
        {
            EmbeddedDeltacloud.Log.RespondingLate(server.Logger, instance.Id, fault.Delay);
        }

        await late.ConfigureAwait(false);

        var owner = options.Username;
        context.Response.Headers.Location = server.Links.Instance(instance.Id);
        await Responses.WriteAsync(
            context,
            201,
            () => XmlViews.Instance(server.Links, instance, owner),
            () => JsonViews.Instance(server.Links, instance, owner, wrap: true)).ConfigureAwait(false);
    }

    private static bool TryDecodeUserData(string? encoded, out byte[]? userData)
    {
        userData = null;
        if (encoded is null)
        {
            return true;
        }

        // Base64 never holds a space, but a '+' sent unencoded in a form arrives as one.
        if (encoded.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            userData = Convert.FromBase64String(encoded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
