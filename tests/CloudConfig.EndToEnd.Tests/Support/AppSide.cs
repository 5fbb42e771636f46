using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The orchestration app: <c>services.AddCloudConfig().AddRendezvousConfigCache(...)</c> with its API key, so
/// its registry is the remote rendezvous server.
/// </summary>
internal sealed class AppSide : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public AppSide(EndToEndServer server, CertificateFingerprint? pin = null)
    {
        var services = new ServiceCollection();
        services.AddCloudConfig().AddRendezvousConfigCache(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ApiKey = EndToEndServer.ApiKey;
            options.PinnedCertificate = pin;
        });
        _provider = services.BuildServiceProvider();
        Registry = _provider.GetRequiredService<IConfigRegistry>();
    }

    public IConfigRegistry Registry { get; }

    /// <summary>Pre-registers a configuration under a fresh uuid and boot secret, as the provisioner does.</summary>
    public async Task<(Guid Uuid, Secret BootSecret)> PreRegisterAsync(string configuration)
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        await Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText(configuration), bootSecret) with { Domain = "e2e" });
        return (uuid, bootSecret);
    }

    /// <summary>Reads the entry until the instance reports <paramref name="state"/> for <paramref name="generation"/>.</summary>
    public async Task<ConfigEntry> WaitForReportAsync(Guid uuid, long generation, InstanceState state = InstanceState.Configured)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var entry = await Registry.GetAsync(uuid, timeout.Token);
            if (entry?.Status is { } status && status.AppliedGeneration == generation && status.State is not (InstanceState.Registered or InstanceState.Configuring))
            {
                Assert.Equal(state, status.State);
                return entry;
            }

            // A short pause between reads, as an app polling its registry would; the deadline above is the real bound.
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
