using Microsoft.AspNetCore.Http;

namespace CloudConfig.Deltacloud.Embedded;

// Runs before every route: driver selection (and matrix parameters off the path), server headers, driver check,
// format negotiation, authentication.
internal static class DeltacloudPipeline
{
    public const string ServerHeader = "Apache-Deltacloud/1.1.3";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ServerContext server)
    {
        var options = server.Options;
        var headers = context.Response.Headers;
        var (requestedDriver, provider) = DriverSelection.Read(context);
        headers.Server = ServerHeader;
        headers["X-Deltacloud-Driver"] = requestedDriver ?? options.Driver;
        if (provider is not null)
        {
            headers["X-Deltacloud-Provider"] = provider;
        }

        var format = FormatNegotiation.Negotiate(context.Request);
        if (format is null)
        {
            context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        context.Items[Responses.FormatKey] = format.Value;
        if (requestedDriver is not null && !string.Equals(requestedDriver, options.Driver, StringComparison.Ordinal))
        {
            await Responses.ErrorAsync(context, 500, [], $"Driver '{requestedDriver}' is not available (this embedded server only runs '{options.Driver}')").ConfigureAwait(false);
            return;
        }

        if (RequiresAuthentication(context.Request.Path))
        {
            var outcome = BasicAuthentication.Check(context.Request, options);
            if (outcome != AuthenticationOutcome.Valid)
            {
                if (outcome == AuthenticationOutcome.Missing)
                {
                    headers.WWWAuthenticate = BasicAuthentication.Challenge(options);
                }

                await Responses.ErrorAsync(context, 401, []).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    // The entry point checks credentials only with ?force_auth=1 (in its own route); drivers need none.
    private static bool RequiresAuthentication(PathString path)
    {
        var value = (path.Value ?? string.Empty).TrimEnd('/');
        return value != "/api" && !value.StartsWith("/api/drivers", StringComparison.Ordinal);
    }
}
