using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
        var document = endpoints.ServiceProvider.GetRequiredService<RendezvousOpenApiDocument>();
        var group = endpoints.MapGroup("").WithGroupName(RendezvousOpenApi.DocumentName);
        // GET and HEAD only (MapHealthChecks alone answers every method).
        var probe = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        var healthHandler = typeof(HealthCheckMiddleware).GetMethod(nameof(HealthCheckMiddleware.InvokeAsync))!;
        group.MapHealthChecks(RendezvousRoutes.Health, RendezvousHealth.Liveness).WithMetadata(probe).Describe(RendezvousOperations.LegacyHealth, healthHandler);
        group.MapHealthChecks(RendezvousRoutes.HealthLive, RendezvousHealth.Liveness).WithMetadata(probe).Describe(RendezvousOperations.Live, healthHandler);
        group.MapHealthChecks(RendezvousRoutes.HealthReady, RendezvousHealth.Readiness).WithMetadata(probe).Describe(RendezvousOperations.Ready, healthHandler);

        group.MapGet(RendezvousRoutes.InstanceConfiguration, gate.Guard("fetch", handlers.FetchAsync)).Describe(RendezvousOperations.Fetch, handlers.FetchAsync);
        group.MapGet(RendezvousRoutes.InstanceConfigurationUpdates, gate.Guard("wait", handlers.WaitForUpdateAsync)).Describe(RendezvousOperations.WaitForUpdate, handlers.WaitForUpdateAsync);
        group.MapPut(RendezvousRoutes.InstanceReport, gate.Guard("report", handlers.ReportAsync)).Describe(RendezvousOperations.Report, handlers.ReportAsync);
        group.MapPost(RendezvousRoutes.PoolAssignments, gate.Guard("assign_dynamic", handlers.AssignAsync)).Describe(RendezvousOperations.Assign, handlers.AssignAsync);
        group.MapPost(RendezvousRoutes.Entries, gate.Guard("app.pre_register", handlers.PreRegisterAsync)).Describe(RendezvousOperations.PreRegister, handlers.PreRegisterAsync);
        group.MapGet(RendezvousRoutes.Entries, gate.Guard("app.list", handlers.ListAsync)).Describe(RendezvousOperations.List, handlers.ListAsync);
        group.MapGet(RendezvousRoutes.Entry, gate.Guard("app.get", handlers.GetAsync)).Describe(RendezvousOperations.Get, handlers.GetAsync);
        group.MapDelete(RendezvousRoutes.Entry, gate.Guard("app.remove", handlers.RemoveAsync)).Describe(RendezvousOperations.Remove, handlers.RemoveAsync);
        group.MapPut(RendezvousRoutes.EntryConfiguration, gate.Guard("app.update_configuration", handlers.UpdateConfigurationAsync)).Describe(RendezvousOperations.UpdateConfiguration, handlers.UpdateConfigurationAsync);
        group.MapPost(RendezvousRoutes.RemoveStale, gate.Guard("app.remove_stale", handlers.RemoveStaleAsync)).Describe(RendezvousOperations.RemoveStale, handlers.RemoveStaleAsync);
        // Generated once, on first request, and served from memory after that: it costs the instance routes nothing.
        group.MapGet(RendezvousRoutes.OpenApi, document.WriteAsync).Describe(RendezvousOperations.Document, document.WriteAsync);
        return group;
    }
}
