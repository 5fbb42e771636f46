using System.Text;
using BenchmarkDotNet.Attributes;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Benchmarks.Provisioning;

/// <summary>
/// provision.1000_vs_bare_creates under BenchmarkDotNet, one at a time and without the artificial latency: one
/// provision (register, boot string, create through the Deltacloud launcher, parse) against the same create posted
/// by a bare HttpClient to the same embedded cloud. Allocations include the in-process cloud's, alike on both sides.
/// </summary>
[MemoryDiagnoser]
public class ProvisionBenchmarks
{
    private EmbeddedDeltacloud _cloud = null!;
    private ServiceProvider _services = null!;
    private ConfigProvisioner _provisioner = null!;
    private ProvisionRequest _request = null!;
    private HttpClient _bare = null!;
    private Uri _createUrl = null!;
    private string _userData = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cloud = await EmbeddedDeltacloud.StartAsync();
        var services = new ServiceCollection();
        services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443")
            .AddInMemoryConfigCache()
            .AddDeltacloudLauncher(o => (o.BaseUrl, o.Username, o.Password) = (_cloud.ApiUrl, _cloud.Username, _cloud.Password));
        _services = services.BuildServiceProvider();
        _provisioner = _services.GetRequiredService<ConfigProvisioner>();
        _request = new ProvisionRequest(new InstanceLaunchRequest("img1") { HardwareProfileId = "m1-small" }, ConfigurationContent.FromText("echo hi"));
        _bare = ProvisionQuickBenchmark.BareClient(_cloud);
        _createUrl = new Uri(_cloud.ApiUrl + "/instances");
        var bootString = BootString.Create(Guid.NewGuid(), RendezvousAddress.Parse("127.0.0.1:8443"), Secret.Generate()).Format();
        _userData = Convert.ToBase64String(Encoding.UTF8.GetBytes(bootString));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bare.Dispose();
        await _services.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> BareCreate()
    {
        using var form = new FormUrlEncodedContent(
        [
            new("image_id", "img1"),
            new("hwp_id", "m1-small"),
            new("name", $"cloudconfig-{Guid.NewGuid():N}"),
            new("user_data", _userData),
        ]);
        using var response = await _bare.PostAsync(_createUrl, form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<string> Provision() => (await _provisioner.ProvisionAsync(_request)).Instance.InstanceId;
}
