using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>
/// rendezvous.fetch_vs_bare_kestrel under BenchmarkDotNet, one request at a time from an in-process HttpClient: an
/// authenticated fetch from the ready server (default logging, in-memory cache) against bare Kestrel serving the
/// same bytes. Allocations include the client's and the server's, alike on both sides.
/// </summary>
[MemoryDiagnoser]
public class RendezvousFetchBenchmarks
{
    private const int Entries = 1000;
    private RunningRendezvousServer _server = null!;
    private BareKestrel _bare = null!;
    private HttpClient _http = null!;
    private (Uri Ours, Uri Bare, string Authorization)[] _requests = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache();
        _server = await RendezvousServer.StartAsync(new RendezvousServerOptions { Cache = cache, Configure = o => o.ApiKey = "benchmark-api-key-0123456789" });
        var configuration = ConfigurationContent.FromText(new string('x', 512));
        var paths = new (string Path, string Authorization)[Entries];
        InstanceConfiguration? sample = null;
        for (var i = 0; i < Entries; i++)
        {
            var (uuid, bootSecret, trustKey) = (Guid.NewGuid(), Secret.Generate(), Secret.Generate());
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, configuration, bootSecret));
            sample = await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            paths[i] = (RendezvousRoutes.InstanceConfigurationFor(uuid), $"{RendezvousHeaders.TrustScheme} {trustKey.Reveal()}");
        }

        _bare = await BareKestrel.StartAsync(JsonSerializer.SerializeToUtf8Bytes(InstanceConfigurationMessage.From(sample!), RendezvousJsonContext.Default.InstanceConfigurationMessage));
        _requests = [.. paths.Select(p => (new Uri(_server.Urls[0], p.Path), new Uri(_bare.BaseAddress, p.Path), p.Authorization))];
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _bare.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> BareKestrelFetch()
    {
        var (_, bare, authorization) = _requests[_next++ % Entries];
        return SendAsync(bare, authorization);
    }

    [Benchmark]
    public Task<int> ServerFetch()
    {
        var (ours, _, authorization) = _requests[_next++ % Entries];
        return SendAsync(ours, authorization);
    }

    private async Task<int> SendAsync(Uri uri, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation(RendezvousHeaders.Authorization, authorization);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
