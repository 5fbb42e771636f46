using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class ApiRoutes
{
    private static void MapInstances(IEndpointRouteBuilder app, ServerContext server)
    {
        var state = server.State;
        var owner = server.Options.Username;
        app.MapMethods("/api/instances", Read, context =>
        {
            var query = context.Request.Query;
            var id = query["id"].FirstOrDefault();
            var wanted = query["state"].FirstOrDefault();
            var realm = query["realm_id"].FirstOrDefault();
            var instances = state.Snapshot()
                .Where(i => id is null || i.Id == id)
                .Where(i => wanted is null || string.Equals(InstanceStateMachine.Wire(i.State), wanted, StringComparison.OrdinalIgnoreCase))
                .Where(i => realm is null || i.RealmId == realm)
                .ToList();
            return Responses.WriteAsync(
                context,
                200,
                () => XmlViews.Instances(server.Links, instances, owner),
                () => JsonViews.Instances(server.Links, instances, owner));
        });
        app.MapMethods("/api/instances/{id}", Read, context =>
        {
            var instance = state.Find(Id(context));
            return instance is null
                ? Responses.ErrorForIdAsync(context, 404, Id(context))
                : Responses.WriteAsync(
                    context,
                    200,
                    () => XmlViews.Instance(server.Links, instance, owner),
                    () => JsonViews.Instance(server.Links, instance, owner, wrap: true));
        });
        app.MapPost("/api/instances", context => CreateInstanceAsync(context, server));
        app.MapPost("/api/instances/{id}/start", context => ActAsync(context, server, InstanceAction.Start));
        app.MapPost("/api/instances/{id}/stop", context => ActAsync(context, server, InstanceAction.Stop));
        app.MapPost("/api/instances/{id}/reboot", context => ActAsync(context, server, InstanceAction.Reboot));
        app.MapDelete("/api/instances/{id}", context => ActAsync(context, server, InstanceAction.Destroy));
    }

    // Unknown instance: 403, not 404, and an action the state does not list: 405, as the real server answers.
    private static Task ActAsync(HttpContext context, ServerContext server, InstanceAction action)
    {
        var id = Id(context);
        var (result, instance) = server.State.Apply(id, action);
        switch (result)
        {
            case ActionResult.UnknownInstance:
                return Responses.ErrorForIdAsync(context, 403, id);
            case ActionResult.NotAllowed:
                return Responses.ErrorForIdAsync(context, 405, id);
            default:
                break;
        }

        if (action == InstanceAction.Stop)
        {
            server.Hooks.DispatchStop(instance!);
        }

        if (action == InstanceAction.Destroy)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var owner = server.Options.Username;
        return Responses.WriteAsync(
            context,
            202,
            () => XmlViews.Instance(server.Links, instance!, owner),
            () => JsonViews.Instance(server.Links, instance!, owner, wrap: false));
    }
}
