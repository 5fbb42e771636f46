using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Deltacloud.Embedded;

namespace CloudConfig.Benchmarks.Embedded;

/// <summary>
/// The embedded Deltacloud's create path: a create (form parse, base64, state, boot hook dispatch, XML) against
/// the cheapest round trip on the same server (GET /api), and a boot storm with the 20 ms artificial latency
/// against the ideal time that latency alone imposes at parallelism 50.
/// </summary>
public sealed class EmbeddedDeltacloudQuickBenchmark : IQuickBenchmark
{
    private const int Operations = 400;
    private const int StormCreates = 1000;
    private const int Parallelism = 50;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        return [await CreateVsEntryPointAsync(cancellationToken), await StormVsIdealAsync(cancellationToken)];
    }

    private static async Task<QuickFigure> CreateVsEntryPointAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { BootHook = (_, _) => Task.CompletedTask }, cancellationToken);
        using var client = Client(cloud);
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes(Guid.NewGuid() + ":127.0.0.1:8443:" + new string('s', 43)));
        var timings = Measure.NanosecondsPerOperation(
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    using var response = client.GetAsync(cloud.ApiUrl, cancellationToken).GetAwaiter().GetResult();
                    response.EnsureSuccessStatusCode();
                }
            },
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    using var form = new FormUrlEncodedContent([new("image_id", "img1"), new("name", "bench"), new("user_data", userData)]);
                    using var response = client.PostAsync(new Uri(cloud.ApiUrl + "/instances"), form, cancellationToken).GetAwaiter().GetResult();
                    response.EnsureSuccessStatusCode();
                }
            },
            Operations);
        return Measure.Figure("embedded.create_vs_get_api", timings);
    }

    private static async Task<QuickFigure> StormVsIdealAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { CreateLatency = Latency }, cancellationToken);
        using var client = Client(cloud);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, StormCreates), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            using var form = new FormUrlEncodedContent([new("image_id", "img1"), new("name", "storm-" + i)]);
            using var response = await client.PostAsync(new Uri(cloud.ApiUrl + "/instances"), form, token);
            response.EnsureSuccessStatusCode();
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var ideal = Latency * ((double)StormCreates / Parallelism);
        return new QuickFigure("embedded.storm1000_p50_20ms_vs_ideal", elapsed / ideal, elapsed.TotalMilliseconds, "ms");
    }

    private static HttpClient Client(EmbeddedDeltacloud cloud)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/xml");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cloud.Username + ":" + cloud.Password)));
        return client;
    }
}
