using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Core.Tests.Provisioning;

/// <summary>Builds provisioners over a real in-memory cache, and plays the agent's part where a test needs it.</summary>
internal static class ProvisionerFixture
{
    public const string Address = "[2001:db8::10]:8443";

    public static ProvisioningOptions Options(TimeSpan? poll = null) => new()
    {
        RendezvousAddress = Address,
        DefaultDomain = "tests",
        StatusPollInterval = poll ?? TimeSpan.FromMilliseconds(10),
    };

    public static ConfigProvisioner Create(IConfigRegistry registry, IInstanceLauncher launcher, TimeProvider? time = null, TimeSpan? poll = null) =>
        new(registry, launcher, Microsoft.Extensions.Options.Options.Create(Options(poll)), time);

    public static ProvisionRequest Request(string image = "img1") =>
        new(new InstanceLaunchRequest(image) { HardwareProfileId = "m1-small" }, ConfigurationContent.FromText("echo hi"));

    /// <summary>Acts as the booted agent: reads the boot string the launcher got, claims the entry, reports.</summary>
    public static async Task<Secret> BootAgentAsync(InMemoryConfigCache cache, InstanceLaunchRequest launched, InstanceStatus status, string address = "10.0.0.9")
    {
        var boot = BootString.Parse(launched.UserData!);
        var trustKey = Secret.Generate();
        await cache.FetchAsync(boot.Uuid, InstanceCredential.FirstContact(boot.Secret, trustKey));
        await cache.UpdateCacheAsync(boot.Uuid, trustKey, new InstanceReport(status)
        {
            Address = address,
            Parameters = new Dictionary<string, ParameterValue> { ["role"] = "web" },
        });
        return trustKey;
    }
}
