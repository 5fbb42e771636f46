using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class ApiRoutes
{
    private static void MapKeys(IEndpointRouteBuilder app, ServerContext server)
    {
        var state = server.State;
        app.MapMethods("/api/keys", Read, context =>
        {
            var keys = state.Keys();
            return Responses.WriteAsync(context, 200, () => XmlViews.Keys(server.Links, keys), () => JsonViews.Keys(server.Links, keys));
        });
        app.MapMethods("/api/keys/{id}", Read, context =>
        {
            var key = state.FindKey(Id(context));
            return key is null
                ? Responses.ErrorForIdAsync(context, 404, Id(context))
                : Responses.WriteAsync(context, 200, () => XmlViews.Key(server.Links, key), () => JsonViews.Key(server.Links, key));
        });
        app.MapPost("/api/keys", async context =>
        {
            var parameters = await RequestParameters.ReadAsync(context.Request).ConfigureAwait(false);
            var name = parameters.Get("name");
            if (name is null)
            {
                await Responses.PlainAsync(context, 400, MissingParameter("name", parameters)).ConfigureAwait(false);
                return;
            }

            var key = state.CreateKey(name);
            if (key is null)
            {
                await Responses.ErrorAsync(context, 403, parameters, "Key with same name already exists").ConfigureAwait(false);
                return;
            }

            context.Response.Headers.Location = server.Links.Key(key.Name);
            await Responses.WriteAsync(context, 201, () => XmlViews.Key(server.Links, key), () => JsonViews.Key(server.Links, key)).ConfigureAwait(false);
        });
        app.MapDelete("/api/keys/{id}", context =>
        {
            if (!state.DeleteKey(Id(context)))
            {
                return Responses.ErrorForIdAsync(context, 404, Id(context));
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static string MissingParameter(string name, List<KeyValuePair<string, string>> parameters) =>
        $"Required parameter '{name}' not found in [{string.Join(',', parameters.Select(p => p.Key).Distinct())}]";
}
