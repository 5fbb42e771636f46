using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Testing;

public sealed partial class LocalCloud
{
    private ServiceProvider CreateServices(LocalCloudOptions options, LocalAgentMode mode)
    {
        var services = new ServiceCollection();
        var builder = services
            .AddCloudConfig(provisioning =>
            {
                provisioning.RendezvousAddress = RendezvousAddress;
                provisioning.DefaultDomain = "local";
                provisioning.StatusPollInterval = TimeSpan.FromMilliseconds(100);
                provisioning.MaxParallelism = 50;
                options.ConfigureProvisioning?.Invoke(provisioning);
            })
            .AddDeltacloudLauncher(client =>
            {
                if (Cloud is { } cloud)
                {
                    client.BaseUrl = cloud.ApiUrl;
                    client.Username = cloud.Username;
                    client.Password = cloud.Password;
                }

                options.ConfigureDeltacloud?.Invoke(client);
            });
        if (options.AppOverHttp)
        {
            builder.AddRendezvousConfigCache(rendezvous =>
            {
                rendezvous.BaseAddress = RendezvousUrl;
                rendezvous.ApiKey = _apiKey;
            });
        }
        else
        {
            builder.AddConfigCache(Cache);
        }

        if (mode == LocalAgentMode.Launcher)
        {
            builder.RunAgentsLocally(Agents);
        }

        // Outermost, so that it sees every launch and terminate, whoever asks: the teardown ends what it recorded.
        LauncherDecoration.Decorate(services, nameof(StartAsync), (_, inner) => new RecordingLauncher(inner, _ledger));
        options.ConfigureServices?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        try
        {
            // What a host does at start (ValidateOnStart): bad options fail here, listing every problem, not at the first launch.
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
