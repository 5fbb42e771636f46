using System.Collections.Concurrent;
using System.Threading.Channels;
using CloudConfig.Core;

namespace CloudConfig.Agent.Tests;

/// <summary>
/// Wraps a real rendezvous (an in-memory cache), counts the calls, publishes every accepted report on a channel
/// the test can wait on, and can be switched to "unreachable".
/// </summary>
internal sealed class RecordingRendezvous(IConfigRendezvous inner) : IConfigRendezvous
{
    private readonly Channel<InstanceReport> _reports = Channel.CreateUnbounded<InstanceReport>();
    private readonly ConcurrentQueue<string> _calls = new();

    private int _firstContactFetches;

    public bool Unreachable { get; set; }

    /// <summary>When set, the next fetch takes effect at the cache but its answer is "lost" on the way back.</summary>
    public bool LoseNextFetchAnswer { get; set; }

    /// <summary>When set, every fetched configuration is changed on its way back (as a broken server would send it).</summary>
    public Func<InstanceConfiguration, InstanceConfiguration>? Tamper { get; set; }

    /// <summary>When set, every call fails with it after reaching the cache (as a server or transport refusing).</summary>
    public Exception? Failure { get; set; }

    public int FirstContactFetches => Volatile.Read(ref _firstContactFetches);

    public IReadOnlyCollection<string> Calls => [.. _calls];

    public int CallCount(string operation) => _calls.Count(c => c == operation);

    public async Task<InstanceReport> NextReportAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _reports.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Reads reports until one has the given state, failing after the timeout.</summary>
    public async Task<InstanceReport> NextReportAsync(InstanceState state, TimeSpan? timeout = null)
    {
        while (true)
        {
            var report = await NextReportAsync(timeout);
            if (report.Status.State == state)
            {
                return report;
            }
        }
    }

    public async Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        Record("fetch");
        if (credential.IsFirstContact)
        {
            Interlocked.Increment(ref _firstContactFetches);
        }

        var configuration = await inner.FetchAsync(uuid, credential, cancellationToken);
        if (LoseNextFetchAnswer)
        {
            LoseNextFetchAnswer = false;
            throw new ConfigCacheUnavailableException("The answer was lost on the way back (test).");
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return Tamper is { } tamper ? tamper(configuration) : configuration;
    }

    public async Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default)
    {
        Record("update_cache");
        await inner.UpdateCacheAsync(uuid, trustKey, report, cancellationToken);
        _reports.Writer.TryWrite(report);
    }

    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Record("wait_for_update");
        return inner.WaitForUpdateAsync(uuid, trustKey, knownGeneration, timeout, cancellationToken);
    }

    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default)
    {
        Record("assign_dynamic");
        return inner.AssignDynamicAsync(pool, poolCredential, trustKey, cancellationToken);
    }

    private void Record(string operation)
    {
        _calls.Enqueue(operation);
        if (Unreachable)
        {
            throw new ConfigCacheUnavailableException("The rendezvous point did not answer (test).");
        }
    }
}
