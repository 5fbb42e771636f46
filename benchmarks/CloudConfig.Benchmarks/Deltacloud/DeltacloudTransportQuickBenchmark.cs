using System.Net.Http.Headers;
using System.Text;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Deltacloud;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Benchmarks.Deltacloud;

/// <summary>
/// The client's cost per request as registered by AddDeltacloudClient (a factory client per attempt, its headers,
/// error mapping, parsing) against a raw HttpClient GET of the same realm from the same factory.
/// </summary>
public sealed class DeltacloudTransportQuickBenchmark : IQuickBenchmark
{
    private const int Operations = 400;

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(cancellationToken: cancellationToken);
        await using var services = new ServiceCollection()
            .AddDeltacloudClient(o => (o.BaseUrl, o.Username, o.Password) = (cloud.ApiUrl, cloud.Username, cloud.Password))
            .BuildServiceProvider();
        var client = services.GetRequiredService<IDeltacloudClient>();
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var realm = new Uri(cloud.ApiUrl + "/realms/us");
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cloud.Username}:{cloud.Password}")));
        void Raw(int n)
        {
            for (var i = 0; i < n; i++)
            {
                using var http = factory.CreateClient(DeltacloudServiceCollectionExtensions.HttpClientName);
                using var request = new HttpRequestMessage(HttpMethod.Get, realm);
                request.Headers.Accept.ParseAdd("application/xml");
                request.Headers.Authorization = basic;
                using var response = http.Send(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                using var body = response.Content.ReadAsStream(cancellationToken);
            }
        }

        void Ours(int n)
        {
            for (var i = 0; i < n; i++)
            {
                client.Realms.GetAsync("us", cancellationToken).GetAwaiter().GetResult();
            }
        }

        var timings = Measure.NanosecondsPerOperation(Raw, Ours, Operations, rounds: 11);

        // Bytes allocated in the process (the in-process server included, alike on both sides) per request.
        var rawBytes = AllocatedPerOperation(Raw);
        var ourBytes = AllocatedPerOperation(Ours);
        return
        [
            Measure.Figure("deltacloud.client_get_vs_raw_httpclient", timings),
            new QuickFigure("deltacloud.client_get_bytes_vs_raw_httpclient", ourBytes / rawBytes, ourBytes, "B/op"),
        ];
    }

    private static double AllocatedPerOperation(Action<int> work)
    {
        work(50);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        work(Operations);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Operations;
    }
}
