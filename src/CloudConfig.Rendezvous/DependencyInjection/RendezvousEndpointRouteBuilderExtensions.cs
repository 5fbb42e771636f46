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

        group.MapGet(RendezvousRoutes.InstanceConfiguration, gate.Guard("fetch", handlers.FetchAsync));
        group.MapGet(RendezvousRoutes.InstanceConfigurationUpdates, gate.Guard("wait", handlers.WaitForUpdateAsync));
        group.MapPut(RendezvousRoutes.InstanceReport, gate.Guard("report", handlers.ReportAsync));
        group.MapPost(RendezvousRoutes.PoolAssignments, gate.Guard("assign_dynamic", handlers.AssignAsync));
        group.MapPost(RendezvousRoutes.Entries, gate.Guard("app.pre_register", handlers.PreRegisterAsync));
        group.MapGet(RendezvousRoutes.Entries, gate.Guard("app.list", handlers.ListAsync));
        group.MapGet(RendezvousRoutes.Entry, gate.Guard("app.get", handlers.GetAsync));
        group.MapDelete(RendezvousRoutes.Entry, gate.Guard("app.remove", handlers.RemoveAsync));
        group.MapPut(RendezvousRoutes.EntryConfiguration, gate.Guard("app.update_configuration", handlers.UpdateConfigurationAsync));
        group.MapPost(RendezvousRoutes.RemoveStale, gate.Guard("app.remove_stale", handlers.RemoveStaleAsync));
        return group;
    }
}
