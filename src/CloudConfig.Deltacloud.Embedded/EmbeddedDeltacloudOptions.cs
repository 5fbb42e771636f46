using System.Net;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded;

/// <summary>Options for <see cref="EmbeddedDeltacloud"/>. The defaults imitate Deltacloud 1.1.3 with its mock driver.</summary>
public sealed class EmbeddedDeltacloudOptions
{
    /// <summary>The loopback address to listen on; <see cref="IPAddress.Loopback"/> by default (<see cref="IPAddress.IPv6Loopback"/> also works).</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The HTTP Basic user name; <c>mockuser</c> by default.</summary>
    public string Username { get; set; } = "mockuser";

    /// <summary>The HTTP Basic password; <c>mockpassword</c> by default.</summary>
    public string Password { get; set; } = "mockpassword";

    /// <summary>The driver name the server reports and accepts in <c>X-Deltacloud-Driver</c>; <c>mock</c> by default.</summary>
    public string Driver { get; set; } = "mock";

    /// <summary>Whether the entry point advertises the <c>user_data</c> feature on instances. The real mock driver does not; set <see langword="false"/> to imitate it.</summary>
    public bool AdvertiseUserData { get; set; } = true;

    /// <summary>How long a new instance stays <c>PENDING</c> before it is <c>RUNNING</c>; zero starts it <c>RUNNING</c> as the mock driver does.</summary>
    public TimeSpan PendingDuration { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Artificial latency added to every create, on <see cref="TimeProvider"/> (a benchmark imitating a real cloud uses 20 ms).</summary>
    public TimeSpan CreateLatency { get; set; } = TimeSpan.Zero;

    /// <summary>The clock for pending durations, latency and injected delays; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Chooses a fault for each create by its 1-based number (failed creates count too); <see langword="null"/> injects none.</summary>
    public Func<int, EmbeddedCreateFault>? CreateFault { get; set; }

    /// <summary>
    /// Runs for each new instance off the request path. Its failures never reach the client: they are kept in
    /// <see cref="EmbeddedDeltacloud.HookFailures"/> (and logged when <see cref="LoggerFactory"/> is set).
    /// </summary>
    public Func<EmbeddedInstance, CancellationToken, Task>? BootHook { get; set; }

    /// <summary>
    /// Runs for each instance that is stopped (which the mock driver requires before destroy), off the request path:
    /// the place to end what <see cref="BootHook"/> started, as a machine's shutdown ends its processes. Its failures
    /// never reach the client: they are kept in <see cref="EmbeddedDeltacloud.HookFailures"/> (and logged).
    /// </summary>
    public Func<EmbeddedInstance, CancellationToken, Task>? StopHook { get; set; }

    /// <summary>Whether to start with the mock driver's four instances (<c>inst0</c>..<c>inst3</c>); off by default so <see cref="EmbeddedDeltacloud.Instances"/> holds only what a test created.</summary>
    public bool SeedMockInstances { get; set; }

    /// <summary>The images, seeded like the mock driver's (<c>img1</c>, <c>img2</c>, <c>img3</c>).</summary>
    public IList<EmbeddedImage> Images { get; } = [.. MockCatalog.Images];

    /// <summary>The realms, seeded like the mock driver's (<c>us</c>, <c>eu</c>). The first is the default for creates.</summary>
    public IList<EmbeddedRealm> Realms { get; } = [.. MockCatalog.Realms];

    /// <summary>The hardware profiles, seeded like the mock driver's (<c>m1-small</c>, <c>m1-large</c>, <c>m1-xlarge</c>, <c>opaque</c>). The first is the default for creates.</summary>
    public IList<EmbeddedHardwareProfile> HardwareProfiles { get; } = [.. MockCatalog.HardwareProfiles];

    /// <summary>
    /// Where the server logs hook failures and faults; no logging when <see langword="null"/> (hook failures are still
    /// kept in <see cref="EmbeddedDeltacloud.HookFailures"/>).
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
