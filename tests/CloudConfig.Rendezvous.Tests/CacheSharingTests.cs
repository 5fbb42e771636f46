using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>The one rule for sharing the app's cache with a server in the same process, and the misconfigurations it refuses.</summary>
public sealed class CacheSharingTests
{
    [Fact]
    public async Task RendezvousServer_NoCacheGiven_RefusesToStartNamingTheCauseAndTheFix()
    {
        var options = Options(configureBuilder: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RendezvousServer.StartAsync(options));

        Assert.Equal(typeof(RendezvousServerOptions), error.OptionsType);
        var message = Assert.Single(error.Failures);
        Assert.StartsWith("RendezvousServer has no cache to expose: set RendezvousServerOptions.Cache to the app's IConfigCache", message, StringComparison.Ordinal);
        Assert.Contains("ConfigureBuilder", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RendezvousServer_CacheGivenTwice_RefusesToStart()
    {
        var options = Options(configureBuilder: builder => builder.Services.AddInMemoryConfigCache());
        options.Cache = new InMemoryConfigCache();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RendezvousServer.StartAsync(options));

        Assert.Contains("RendezvousServerOptions.Cache is set and ConfigureBuilder registered an IConfigCache as well", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RendezvousServer_GivenTheAppsCache_InstancesFetchWhatTheAppProvisioned()
    {
        // The natural app: AddCloudConfig(...).AddInMemoryConfigCache(), then a server in the same process given that cache.
        string? address = null;
        var launcher = new CapturingLauncher();
        var services = new ServiceCollection().AddSingleton<IInstanceLauncher>(launcher);
        services.AddCloudConfig(o => o.RendezvousAddress = address).AddInMemoryConfigCache();
        await using var app = services.BuildServiceProvider();
        var options = Options(configureBuilder: null);
        options.Cache = app.GetRequiredService<IConfigCache>();
        await using var server = await RendezvousServer.StartAsync(options);
        address = server.Urls[0].AbsoluteUri;

        var provisioned = await app.GetRequiredService<ConfigProvisioner>().ProvisionAsync(
            new ProvisionRequest(new InstanceLaunchRequest("img1"), ConfigurationContent.FromText("echo shared")));
        var boot = BootString.Parse(launcher.UserData!);
        using var instance = new RendezvousInstanceClient(new Uri($"http://{boot.Address}/"));
        var fetched = await instance.FetchAsync(boot.Uuid, InstanceCredential.FirstContact(boot.Secret, Secret.Generate()));

        Assert.Equal(provisioned.Uuid, fetched.Uuid);
        Assert.Equal("echo shared", fetched.Configuration.AsText());
        Assert.Same(app.GetRequiredService<IConfigRegistry>(), server.Services.GetRequiredService<IConfigCache>());
    }

    [Fact]
    public async Task AddConfigRendezvous_NoCacheInTheSameServices_FailsAtStartWithEveryProblem()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddConfigRendezvous(o => o.ApiKey = "short");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("ApiKey must have at least 22 characters.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("No IConfigCache is registered: the rendezvous server exposes the app's cache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MapConfigRendezvous_NoCache_SaysSoInsteadOfFailingOnTheFirstRequest()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddConfigRendezvous(o => o.ApiKey = TestServer.ApiKey);
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapConfigRendezvous());

        Assert.StartsWith("No IConfigCache is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddConfigRendezvous_WithTheAppsCloudConfigInTheSameServices_SharesOneCache()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IInstanceLauncher>(new CapturingLauncher());
        builder.Services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443").AddInMemoryConfigCache();
        builder.Services.AddConfigRendezvous(o => o.ApiKey = TestServer.ApiKey);
        await using var app = builder.Build();

        app.MapConfigRendezvous();

        Assert.Same(app.Services.GetRequiredService<IConfigRegistry>(), app.Services.GetRequiredService<IConfigCache>());
    }

    private static RendezvousServerOptions Options(Action<WebApplicationBuilder>? configureBuilder) => new()
    {
        Configure = o => o.ApiKey = TestServer.ApiKey,
        ConfigureBuilder = builder =>
        {
            builder.Logging.ClearProviders();
            configureBuilder?.Invoke(builder);
        },
    };

    /// <summary>A cloud that boots nothing and keeps the user data it was given.</summary>
    private sealed class CapturingLauncher : IInstanceLauncher
    {
        public string? UserData { get; private set; }

        public Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
        {
            UserData = request.UserData;
            return Task.FromResult(new LaunchedInstance("i-1", "RUNNING") { Name = request.Name });
        }

        public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<LaunchedInstance?>(null);

        public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LaunchedInstance>>([]);

        public Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
