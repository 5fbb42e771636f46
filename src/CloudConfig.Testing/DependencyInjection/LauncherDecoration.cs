using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Testing;

/// <summary>Wraps the <see cref="IInstanceLauncher"/> registered last in a decorator.</summary>
internal static class LauncherDecoration
{
    public static void Decorate(IServiceCollection services, string caller, Func<IServiceProvider, IInstanceLauncher, IInstanceLauncher> decorate)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IInstanceLauncher) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"Add a launcher (e.g. .AddDeltacloudLauncher(...)) before .{caller}(...).");
        services.Remove(inner);
        services.AddSingleton(sp => decorate(sp, Create(sp, inner)));
    }

    private static IInstanceLauncher Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IInstanceLauncher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
