using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Benchmarks.Provisioning;

/// <summary>
/// The whole provisioning path (register, boot string, Deltacloud create over HTTP, parse) for 1,000 instances at
/// parallelism 50, against an embedded cloud that adds 20 ms to each create. The baseline is the same 1,000 creates
/// (the same form body, parallelism, latency and cloud) posted by a bare <see cref="HttpClient"/> that does nothing
/// else, in alternating rounds; the ratio is what everything of ours costs on top of the cloud's own work. The
/// figure against the ideal (what the latency alone imposes: 1000 / 50 × 20 ms = 400 ms) stays for reference.
/// </summary>
public sealed class ProvisionQuickBenchmark : IQuickBenchmark
{
    private const int Instances = 1000;
    private const int Parallelism = 50;
    private const int Rounds = 3;
    private const string RendezvousAddress = "127.0.0.1:8443";
    private static readonly TimeSpan CreateLatency = TimeSpan.FromMilliseconds(20);

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { CreateLatency = CreateLatency }, cancellationToken);
        var services = new ServiceCollection();
        services.AddCloudConfig(o => o.RendezvousAddress = RendezvousAddress)
            .AddInMemoryConfigCache()
            .AddDeltacloudLauncher(o =>
            {
                o.BaseUrl = cloud.ApiUrl;
                o.Username = cloud.Username;
                o.Password = cloud.Password;
            });
        await using var provider = services.BuildServiceProvider();
        var provisioner = provider.GetRequiredService<ConfigProvisioner>();
        var request = new ProvisionRequest(new InstanceLaunchRequest("img1") { HardwareProfileId = "m1-small" }, ConfigurationContent.FromText("echo hi"));
        using var bare = BareClient(cloud);
        var createUrl = new Uri(cloud.ApiUrl + "/instances");

        // Discovery, JIT and connection set-up are not what this figure is about.
        await ProvisionAllAsync(provisioner, request, Parallelism, cancellationToken);
        await BareCreatesAsync(bare, createUrl, Bodies(Parallelism), cancellationToken);
        var ours = new double[Rounds];
        var baseline = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            ours[r] = await TimeAsync(() => ProvisionAllAsync(provisioner, request, Instances, cancellationToken));
            var bodies = Bodies(Instances);
            baseline[r] = await TimeAsync(() => BareCreatesAsync(bare, createUrl, bodies, cancellationToken));
        }

        var oursMs = Measure.Median(ours);
        var ideal = CreateLatency.TotalMilliseconds * ((double)Instances / Parallelism);
        return
        [
            new QuickFigure("provision.1000_vs_bare_creates", oursMs / Measure.Median(baseline), oursMs, "ms"),
            new QuickFigure("provision.1000_vs_ideal", oursMs / ideal, oursMs, "ms"),
        ];
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task ProvisionAllAsync(ConfigProvisioner provisioner, ProvisionRequest request, int count, CancellationToken cancellationToken)
    {
        var results = await provisioner.ProvisionManyAsync(Enumerable.Repeat(request, count).ToList(), Parallelism, cancellationToken: cancellationToken);
        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            throw new InvalidOperationException($"{results.Count(r => !r.Succeeded)} of {count} provisions failed: {failed.Error!.Message}");
        }
    }

    /// <summary>
    /// The creates the provisioner sends (its form fields, with a name and a boot string of the same shape as user
    /// data, made before the clock starts), and nothing else.
    /// </summary>
    private static Task BareCreatesAsync(HttpClient http, Uri createUrl, (string Name, string UserData)[] bodies, CancellationToken cancellationToken) =>
        Parallel.ForAsync(0, bodies.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            using var form = new FormUrlEncodedContent(
            [
                new("image_id", "img1"),
                new("hwp_id", "m1-small"),
                new("name", bodies[i].Name),
                new("user_data", bodies[i].UserData),
            ]);
            using var response = await http.PostAsync(createUrl, form, token);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(token);
        });

    private static (string Name, string UserData)[] Bodies(int count) => [.. Enumerable.Range(0, count).Select(_ =>
    {
        var uuid = Guid.NewGuid();
        var bootString = BootString.Create(uuid, Core.RendezvousAddress.Parse(RendezvousAddress), Secret.Generate()).Format();
        return ($"cloudconfig-{uuid:N}", Convert.ToBase64String(Encoding.UTF8.GetBytes(bootString)));
    })];

    /// <summary>The bare client: the Accept and Authorization headers our client sends, and nothing else.</summary>
    internal static HttpClient BareClient(EmbeddedDeltacloud cloud)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        http.DefaultRequestHeaders.Accept.ParseAdd("application/xml");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cloud.Username + ":" + cloud.Password)));
        return http;
    }
}
