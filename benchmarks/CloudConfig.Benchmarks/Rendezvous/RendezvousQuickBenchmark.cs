using System.Globalization;
using System.Text.Json;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Client;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>
/// The rendezvous server over HTTP on loopback: authenticated fetches against a bare Kestrel endpoint serving the
/// same bytes (driven by wrk from another process, alternating rounds), and a boot storm of 10,000 agents fetching
/// and reporting.
/// </summary>
public sealed class RendezvousQuickBenchmark : IQuickBenchmark
{
    private const string ApiKey = "benchmark-api-key-0123456789";
    private const int FetchEntries = 10_000;
    private const int WrkConnections = 32;
    private const int FetchRounds = 3;
    private static readonly TimeSpan FetchRoundLength = TimeSpan.FromSeconds(3);
    private const int StormAgents = 10_000;
    private const int StormInFlight = 200;

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var fetch = await FetchVersusBareKestrelAsync();
        var storm = await BootStormAsync();
        return [fetch, .. storm];
    }

    /// <summary>
    /// Authenticated fetches of many entries, each with its own trust key, sent by wrk from another process to the
    /// ready server as users run it (its default logging included) and to bare Kestrel serving the same bytes, in
    /// alternating rounds. The cost of a request is the CPU time this process spends per request served (the load
    /// generator runs elsewhere, so none of its work is counted); the ratio is ours over bare Kestrel's. The value
    /// is our throughput, with bare Kestrel's beside it.
    /// </summary>
    private static async Task<QuickFigure> FetchVersusBareKestrelAsync()
    {
        await using var server = await StartServerAsync();
        var cache = server.Services.GetRequiredService<CloudConfig.Core.IConfigCache>();
        var requests = new (string Path, string Authorization)[FetchEntries];
        InstanceConfiguration? sample = null;
        var configuration = ConfigurationContent.FromText(new string('x', 512));
        for (var i = 0; i < requests.Length; i++)
        {
            var uuid = Guid.NewGuid();
            var bootSecret = Secret.Generate();
            var trustKey = Secret.Generate();
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, configuration, bootSecret));
            sample = await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            requests[i] = (RendezvousRoutes.InstanceConfigurationFor(uuid), $"{RendezvousHeaders.TrustScheme} {trustKey.Reveal()}");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(InstanceConfigurationMessage.From(sample!), RendezvousJsonContext.Default.InstanceConfigurationMessage);
        await using var bare = await BareKestrel.StartAsync(body);
        using var wrk = new Wrk(requests);

        async Task<(double CpuPerRequest, double RequestsPerSecond)> RoundAsync(Uri baseAddress, TimeSpan duration)
        {
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var result = await wrk.RunAsync(baseAddress, WrkConnections, duration);
            var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"{result.Failed} of {result.Requests} fetches from {baseAddress} were not answered 2xx.");
            }

            return (cpu.TotalNanoseconds / result.Requests, result.RequestsPerSecond);
        }

        await RoundAsync(bare.BaseAddress, TimeSpan.FromSeconds(1));
        await RoundAsync(server.Urls[0], TimeSpan.FromSeconds(1));
        var bareRounds = new (double CpuPerRequest, double RequestsPerSecond)[FetchRounds];
        var ourRounds = new (double CpuPerRequest, double RequestsPerSecond)[FetchRounds];
        for (var r = 0; r < FetchRounds; r++)
        {
            bareRounds[r] = await RoundAsync(bare.BaseAddress, FetchRoundLength);
            ourRounds[r] = await RoundAsync(server.Urls[0], FetchRoundLength);
        }

        var ourCost = Measure.Median(ourRounds.Select(r => r.CpuPerRequest));
        var bareCost = Measure.Median(bareRounds.Select(r => r.CpuPerRequest));
        var ourRate = Measure.Median(ourRounds.Select(r => r.RequestsPerSecond));
        var bareRate = Measure.Median(bareRounds.Select(r => r.RequestsPerSecond));
        return new QuickFigure(
            "rendezvous.fetch_vs_bare_kestrel",
            ourCost / bareCost,
            ourRate,
            string.Create(CultureInfo.InvariantCulture, $"req/s ({ourCost / 1000:0.#} us CPU/req; bare Kestrel {bareRate:0} req/s, {bareCost / 1000:0.#} us CPU/req)"));
    }

    private static async Task<IReadOnlyList<QuickFigure>> BootStormAsync()
    {
        await using var server = await StartServerAsync();
        var cache = server.Services.GetRequiredService<CloudConfig.Core.IConfigCache>();
        var agents = new (Guid Uuid, Secret BootSecret)[StormAgents];
        for (var i = 0; i < agents.Length; i++)
        {
            agents[i] = (Guid.NewGuid(), Secret.Generate());
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(agents[i].Uuid, ConfigurationContent.FromText($"echo {i}"), agents[i].BootSecret));
        }

        // As many clients as requests in flight, agent i using client i % 200: real agents each have their own,
        // but 10,000 connection pools would measure the test machine's sockets rather than the server.
        var clients = Enumerable.Range(0, StormInFlight).Select(_ => new RendezvousInstanceClient(server.Urls[0])).ToArray();
        var failures = 0;
        var wall = await LoadGenerator.RunAsync(StormInFlight, StormAgents, async i =>
        {
            var client = clients[i % clients.Length];
            var (uuid, bootSecret) = agents[i];
            var trustKey = Secret.Generate();
            try
            {
                await client.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
                await client.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0, AppliedGeneration: 1))
                {
                    Address = $"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}",
                    Parameters = new Dictionary<string, ParameterValue> { ["agent"] = (long)i },
                });
            }
            catch (ConfigCacheException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        using var app = new RendezvousConfigCache(Options.Create(new RendezvousConfigCacheOptions { BaseAddress = server.Urls[0], ApiKey = ApiKey }));
        var indexOf = Enumerable.Range(0, agents.Length).ToDictionary(i => agents[i].Uuid, i => (long)i);
        var readBack = 0;
        await foreach (var entry in app.ListAsync())
        {
            if (entry.Status.State == InstanceState.Configured && entry.Parameters.TryGetValue("agent", out var agent) && agent.AsInteger() == indexOf[entry.Uuid])
            {
                readBack++;
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        var lost = StormAgents - readBack;
        // The storm's baseline is the same number of round trips against bare Kestrel at the same concurrency.
        await using var bare = await BareKestrel.StartAsync("{}"u8.ToArray());
        using var http = new HttpClient();
        var bareWall = await LoadGenerator.RunAsync(StormInFlight, 2 * StormAgents, i => SendAsync(http, new Uri(bare.BaseAddress, RendezvousRoutes.InstanceConfigurationFor(agents[i / 2].Uuid)), "x"));
        return
        [
            new QuickFigure("rendezvous.bootstorm_10k_seconds", wall / bareWall, wall.TotalSeconds, "s"),
            new QuickFigure("rendezvous.bootstorm_10k_lost", lost / (double)StormAgents, lost, failures == 0 ? " reports" : $" reports ({failures} agents saw an error)"),
        ];
    }

    private static async Task SendAsync(HttpClient http, Uri uri, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation(RendezvousHeaders.Authorization, authorization);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The ready server as users run it: its default logging (console, framework categories at Warning) included.</summary>
    private static Task<RunningRendezvousServer> StartServerAsync() => RendezvousServer.StartAsync(new RendezvousServerOptions
    {
        Cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache(),
        Configure = rendezvous => rendezvous.ApiKey = ApiKey,
    });
}
