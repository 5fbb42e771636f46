using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class ApiRoutes
{
    private static readonly string[] Read = ["GET", "HEAD"];

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapMethods("/api", Read, context => EntryPointAsync(context, server));
        app.MapMethods("/api/drivers", Read, context =>
            Responses.WriteAsync(context, 200, () => XmlViews.Drivers(server.Links), JsonViews.Drivers, xmlDeclaration: false));
        app.MapMethods("/api/drivers/{id}", Read, context =>
        {
            var id = Id(context);
            var driver = MockCatalog.Drivers.FirstOrDefault(d => d.Id == id);
            return driver.Id is null
                ? Responses.ErrorForIdAsync(context, 404, id)
                : Responses.WriteAsync(context, 200, () => XmlViews.Driver(server.Links, driver), () => JsonViews.Driver(driver), xmlDeclaration: false);
        });
        app.MapMethods("/api/instance_states", Read, context =>
            Responses.WriteAsync(context, 200, XmlViews.States, JsonViews.States, xmlDeclaration: false));
        MapCatalog(app, server);
        MapKeys(app, server);
        MapInstances(app, server);
        app.Map("/{**path}", Responses.HtmlNotFoundAsync);
    }

    private static Task EntryPointAsync(HttpContext context, ServerContext server)
    {
        if (context.Request.Query.ContainsKey("force_auth"))
        {
            var outcome = BasicAuthentication.Check(context.Request, server.Options);
            if (outcome != AuthenticationOutcome.Valid)
            {
                if (outcome == AuthenticationOutcome.Missing)
                {
                    context.Response.Headers.WWWAuthenticate = BasicAuthentication.Challenge(server.Options);
                }

                return Responses.PlainAsync(context, 401, "Authentication failed");
            }
        }

        var provider = DriverSelection.Of(context).Provider;
        return Responses.WriteAsync(
            context,
            200,
            () => XmlViews.Api(server.Links, server, provider),
            () => JsonViews.Api(server.Links, server, provider),
            xmlDeclaration: false);
    }

    private static string Id(HttpContext context) => context.Request.RouteValues["id"] as string ?? string.Empty;
}
