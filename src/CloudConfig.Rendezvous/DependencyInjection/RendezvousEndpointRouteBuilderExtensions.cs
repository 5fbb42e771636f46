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
    /// <c>services.AddConfigRendezvous(...)</c>. The failure limits are part of the mapped routes: no middleware
    /// (such as <c>app.UseRateLimiter()</c>) is needed for them, and none can be forgotten.
    /// </summary>
    /// <returns>A builder for conventions on every rendezvous route.</returns>
    public static IEndpointConventionBuilder MapConfigRendezvous(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } services
            && services.IsService(typeof(RendezvousEndpoints))
            && !services.IsService(typeof(CloudConfig.Core.IConfigCache)))
        {
            throw new InvalidOperationException(RendezvousCacheValidator.Missing);
        }

        var handlers = endpoints.ServiceProvider.GetService<RendezvousEndpoints>()
            ?? throw new InvalidOperationException("Call services.AddConfigRendezvous(...) and register an IConfigCache before MapConfigRendezvous().");
        var gate = endpoints.ServiceProvider.GetRequiredService<FailureGate>();
        var group = endpoints.MapGroup("");
        // GET and HEAD only (MapHealthChecks alone answers every method).
        var probe = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        group.MapHealthChecks(RendezvousRoutes.Health, RendezvousHealth.Liveness).WithMetadata(probe);
        group.MapHealthChecks(RendezvousRoutes.HealthLive, RendezvousHealth.Liveness).WithMetadata(probe);
        group.MapHealthChecks(RendezvousRoutes.HealthReady, RendezvousHealth.Readiness).WithMetadata(probe);

        group.MapGet(RendezvousRoutes.InstanceConfiguration, gate.Guard(handlers.FetchAsync));
        group.MapGet(RendezvousRoutes.InstanceConfigurationUpdates, gate.Guard(handlers.WaitForUpdateAsync));
        group.MapPut(RendezvousRoutes.InstanceReport, gate.Guard(handlers.ReportAsync));
        group.MapPost(RendezvousRoutes.PoolAssignments, gate.Guard(handlers.AssignAsync));
        group.MapPost(RendezvousRoutes.Entries, gate.Guard(handlers.PreRegisterAsync));
        group.MapGet(RendezvousRoutes.Entries, gate.Guard(handlers.ListAsync));
        group.MapGet(RendezvousRoutes.Entry, gate.Guard(handlers.GetAsync));
        group.MapDelete(RendezvousRoutes.Entry, gate.Guard(handlers.RemoveAsync));
        group.MapPut(RendezvousRoutes.EntryConfiguration, gate.Guard(handlers.UpdateConfigurationAsync));
        group.MapPost(RendezvousRoutes.RemoveStale, gate.Guard(handlers.RemoveStaleAsync));
        return group;
    }
}
