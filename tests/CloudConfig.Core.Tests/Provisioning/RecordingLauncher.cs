using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Core.Tests.Provisioning;

/// <summary>A launcher that records what it was asked to start and can be told to fail some launches.</summary>
internal sealed class RecordingLauncher : IInstanceLauncher
{
    private readonly ConcurrentQueue<LaunchedInstance> _started = new();
    private int _next;
    private int _inFlight;
    private int _maxInFlight;
    private int _terminatesInFlight;
    private int _maxTerminatesInFlight;

    public ConcurrentQueue<InstanceLaunchRequest> Launched { get; } = new();

    public ConcurrentQueue<string> Terminated { get; } = new();

    public Func<InstanceLaunchRequest, bool> Fails { get; init; } = _ => false;

    public string StateOnLaunch { get; init; } = "PENDING";

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int MaxTerminatesInFlight => Volatile.Read(ref _maxTerminatesInFlight);

    public async Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            // Yield so that parallel launches really overlap.
            await Task.Yield();
            if (Fails(request))
            {
                throw new InvalidOperationException($"The cloud refused to start {request.Name}.");
            }

            Launched.Enqueue(request);
            var instance = new LaunchedInstance($"inst{Interlocked.Increment(ref _next)}", StateOnLaunch) { Name = request.Name };
            _started.Enqueue(instance);
            return instance;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<LaunchedInstance?>(new LaunchedInstance(instanceId, "RUNNING"));

    public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var terminated = Terminated.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<LaunchedInstance> found = [.. _started.Where(i => i.Name == name && !terminated.Contains(i.InstanceId))];
        return Task.FromResult(found);
    }

    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var inFlight = Interlocked.Increment(ref _terminatesInFlight);
        InterlockedMax(ref _maxTerminatesInFlight, inFlight);
        try
        {
            await Task.Yield();
            Terminated.Enqueue(instanceId);
        }
        finally
        {
            Interlocked.Decrement(ref _terminatesInFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
