using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class ConfigProvisionerManyTests
{
    private readonly InMemoryConfigCache _cache = new();

    [Fact]
    public async Task ProvisionMany_OneFails_TheOthersSucceedAndEveryResultAndProgressIsThere()
    {
        var launcher = new RecordingLauncher { Fails = r => r.ImageId == "broken" };
        var provisioner = ProvisionerFixture.Create(_cache, launcher);
        var requests = Enumerable.Range(0, 20).Select(i => ProvisionerFixture.Request(i == 7 ? "broken" : "img1")).ToList();
        var reports = new List<ProvisionProgress>();
        var progress = new SynchronousProgress<ProvisionProgress>(reports.Add);

        var results = await provisioner.ProvisionManyAsync(requests, maxParallelism: 4, progress);

        Assert.Equal(20, results.Count);
        Assert.Equal(Enumerable.Range(0, 20), results.Select(r => r.Index));
        Assert.False(results[7].Succeeded);
        Assert.IsType<ProvisioningException>(results[7].Error);
        Assert.Equal(19, results.Count(r => r.Succeeded));
        Assert.Equal(19, _cache.Count);
        Assert.Equal(20, reports.Count);
        Assert.Equal(20, reports.Max(r => r.Completed));
        Assert.Equal(1, reports.Max(r => r.Failed));
        Assert.InRange(launcher.MaxInFlight, 1, 4);
    }

    [Fact]
    public async Task ProvisionMany_Cancelled_StartsNoMoreAndKeepsTheOnesAlreadyStarted()
    {
        using var cancellation = new CancellationTokenSource();
        var launcher = new RecordingLauncher();
        var provisioner = ProvisionerFixture.Create(_cache, launcher);
        var requests = Enumerable.Range(0, 10).Select(_ => ProvisionerFixture.Request()).ToList();
        var progress = new SynchronousProgress<ProvisionProgress>(p =>
        {
            if (p.Completed == 3)
            {
                cancellation.Cancel();
            }
        });

        var results = await provisioner.ProvisionManyAsync(requests, maxParallelism: 1, progress, cancellation.Token);

        Assert.Equal(10, results.Count);
        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
        Assert.Equal(3, launcher.Launched.Count);
        Assert.Equal(3, _cache.Count);
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so assertions see every report.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
