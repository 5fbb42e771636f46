using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the rendezvous HTTP API.</summary>
public static class RendezvousEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route of <see cref="RendezvousRoutes"/> over the registered <c>IConfigCache</c>. Requires
    /// <c>services.AddConfigRendezvous(...)</c>, and <c>app.UseRateLimiter()</c> for the failure limits.
    /// </summary>
    /// <returns>A builder for conventions on every rendezvous route.</returns>
    public static IEndpointConventionBuilder MapConfigRendezvous(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handlers = endpoints.ServiceProvider.GetService<RendezvousEndpoints>()
            ?? throw new InvalidOperationException("Call services.AddConfigRendezvous(...) and register an IConfigCache before MapConfigRendezvous().");
        var group = endpoints.MapGroup("");
        group.MapGet(RendezvousRoutes.Health, (RequestDelegate)handlers.HealthAsync);

        var secured = group.MapGroup("").RequireRateLimiting(FailureRateLimiterPolicy.Name);
        secured.MapGet(RendezvousRoutes.InstanceConfiguration, (RequestDelegate)handlers.FetchAsync);
        secured.MapGet(RendezvousRoutes.InstanceConfigurationUpdates, (RequestDelegate)handlers.WaitForUpdateAsync);
        secured.MapPut(RendezvousRoutes.InstanceReport, (RequestDelegate)handlers.ReportAsync);
        secured.MapPost(RendezvousRoutes.PoolAssignments, (RequestDelegate)handlers.AssignAsync);
        secured.MapPost(RendezvousRoutes.Entries, (RequestDelegate)handlers.PreRegisterAsync);
        secured.MapGet(RendezvousRoutes.Entries, (RequestDelegate)handlers.ListAsync);
        secured.MapGet(RendezvousRoutes.Entry, (RequestDelegate)handlers.GetAsync);
        secured.MapDelete(RendezvousRoutes.Entry, (RequestDelegate)handlers.RemoveAsync);
        secured.MapPut(RendezvousRoutes.EntryConfiguration, (RequestDelegate)handlers.UpdateConfigurationAsync);
        secured.MapPost(RendezvousRoutes.RemoveStale, (RequestDelegate)handlers.RemoveStaleAsync);
        return group;
    }
}
