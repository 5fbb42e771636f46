using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class ApiRoutes
{
    // The mock driver fails on purpose for these realm ids, so clients can test their error mapping.
    private static readonly int[] FailingRealms = [500, 501, 502, 504];

    private static void MapCatalog(IEndpointRouteBuilder app, ServerContext server)
    {
        var state = server.State;
        app.MapMethods("/api/images", Read, context =>
        {
            var architecture = context.Request.Query["architecture"].FirstOrDefault();
            var owner = context.Request.Query["owner_id"].FirstOrDefault();
            if (owner == "self")
            {
                owner = server.Options.Username;
            }

            var images = state.Images
                .Where(i => architecture is null || i.Architecture == architecture)
                .Where(i => owner is null || i.OwnerId == owner)
                .ToList();
            return Responses.WriteAsync(
                context,
                200,
                () => XmlViews.Images(server.Links, images, state.HardwareProfiles),
                () => JsonViews.Images(server.Links, images, state.HardwareProfiles));
        });
        app.MapMethods("/api/images/{id}", Read, context =>
        {
            var image = state.Images.FirstOrDefault(i => i.Id == Id(context));
            return image is null
                ? Responses.ErrorForIdAsync(context, 404, Id(context))
                : Responses.WriteAsync(
                    context,
                    200,
                    () => XmlViews.Image(server.Links, image, state.HardwareProfiles),
                    () => JsonViews.Image(server.Links, image, state.HardwareProfiles));
        });
        app.MapMethods("/api/realms", Read, context =>
            Responses.WriteAsync(context, 200, () => XmlViews.Realms(server.Links, state.Realms), () => JsonViews.Realms(server.Links, state.Realms)));
        app.MapMethods("/api/realms/{id}", Read, context =>
        {
            var id = Id(context);
            var failure = FailingRealms.FirstOrDefault(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);
            if (failure != 0 && state.Realms.All(r => r.Id != id))
            {
                return Responses.ErrorForIdAsync(context, failure, id);
            }

            var realm = state.Realms.FirstOrDefault(r => r.Id == id);
            return realm is null
                ? Responses.ErrorForIdAsync(context, 404, id)
                : Responses.WriteAsync(context, 200, () => XmlViews.Realm(server.Links, realm), () => JsonViews.Realm(server.Links, realm));
        });
        app.MapMethods("/api/hardware_profiles", Read, context =>
            Responses.WriteAsync(
                context,
                200,
                () => XmlViews.Profiles(server.Links, state.HardwareProfiles),
                () => JsonViews.Profiles(server.Links, state.HardwareProfiles)));
        app.MapMethods("/api/hardware_profiles/{id}", Read, context =>
        {
            var profile = state.FindProfile(Id(context));
            return profile is null
                ? Responses.ErrorForIdAsync(context, 404, Id(context))
                : Responses.WriteAsync(context, 200, () => XmlViews.Profile(server.Links, profile), () => JsonViews.Profile(server.Links, profile));
        });
    }
}
