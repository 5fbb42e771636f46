using System.Threading.Channels;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Agent.Tests.Flow;

public sealed class AgentRetryTests : IDisposable
{
    private const int RetryScheduledEvent = 12;
    private const string Fallback = "fallback.test:9443";
    private readonly AgentHarness _harness = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();

    public AgentRetryTests()
    {
        _harness.Logger.Logged += (id, values) =>
        {
            if (id.Id == RetryScheduledEvent)
            {
                _delays.Writer.TryWrite((TimeSpan)values.First(v => v.Key == "Delay").Value!);
            }
        };
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Run_WrongSecret_StopsWithAuthenticationErrorAfterOneAttempt()
    {
        var (uuid, _, _) = await _harness.RegisterAsync("x");
        var wrongSecret = Secret.Generate();
        var bootString = BootString.Create(uuid, RendezvousAddress.Parse(AgentHarness.Primary), wrongSecret).Format();

        var error = await Assert.ThrowsAsync<ConfigAgentAuthenticationException>(() => _harness.Agent(_harness.Options(bootString), time: _time).RunAsync());

        Assert.Equal("fetch", error.Operation);
        Assert.Equal(uuid, error.Uuid);
        Assert.IsType<ConfigEntryNotFoundException>(error.InnerException);
        Assert.DoesNotContain(wrongSecret.Reveal(), error.Message, StringComparison.Ordinal);
        Assert.Equal(["fetch"], _harness.Rendezvous.Calls);
        Assert.Equal(0, _delays.Reader.Count);
    }

    [Fact]
    public async Task Run_UnreachableEndpoint_RetriesWithDoublingDelaysCappedAt64Seconds()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");
        _harness.Rendezvous.Unreachable = true;
        var run = _harness.Agent(_harness.Options(bootString), time: _time).RunAsync();

        var expected = new[] { 2, 4, 8, 16, 32, 64, 64, 64 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var delay = await NextDelayAsync();
            Assert.Equal(expected[i], delay);
            Assert.Equal(i + 1, _harness.Rendezvous.CallCount("fetch"));

            // Just short of the delay nothing happens; at the delay the next attempt is made.
            _time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(i + 1, _harness.Rendezvous.CallCount("fetch"));
            if (i == expected.Length - 1)
            {
                _harness.Rendezvous.Unreachable = false;
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(expected.Length + 1, _harness.Rendezvous.CallCount("fetch"));
        Assert.Equal(InstanceState.Configured, (await _harness.Cache.GetAsync(uuid))!.Status.State);
    }

    [Fact]
    public async Task Run_BootAddressUnreachableAfterReboot_FallsBackToAConfigHost()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x", configHosts: [Fallback]);
        await _harness.Agent(_harness.Options(bootString)).RunAsync();
        _harness.Rendezvous.Unreachable = true;
        var fallback = _harness.Connector.At(Fallback);
        fallback.Unreachable = true;

        // Both down: each round tries both endpoints, then backs off; then the config host comes back.
        var run = _harness.Agent(_harness.Options(bootString), time: _time).RunAsync();
        Assert.Equal(TimeSpan.FromSeconds(2), await NextDelayAsync());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(4), await NextDelayAsync());
        fallback.Unreachable = false;
        _time.Advance(TimeSpan.FromSeconds(4));
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        // One fetch from the first boot, then three rounds of primary-then-fallback.
        Assert.Equal(4, _harness.Rendezvous.CallCount("fetch"));
        Assert.Equal(["fetch", "fetch", "fetch", "update_cache"], fallback.Calls);
        Assert.All(_harness.Connector.Connected, e => Assert.Equal("https", e.Scheme));
        Assert.Equal(0, (await _harness.Cache.GetAsync(uuid))!.BootSecretReplays);
    }

    [Fact]
    public async Task Run_BootAddressUnreachable_TriesTheConfigHostAtOnceAndStaysThere()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x", configHosts: [Fallback]);
        await _harness.Agent(_harness.Options(bootString)).RunAsync();
        _harness.Rendezvous.Unreachable = true;
        var options = _harness.Options(bootString, o => o.ExitAfterApply = false);
        using var stop = new CancellationTokenSource();
        var run = _harness.Agent(options, time: _time).RunAsync(stop.Token);
        var fallback = _harness.Connector.At(Fallback);

        await fallback.NextReportAsync(InstanceState.Configured);
        await _harness.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("y"));
        var second = await fallback.NextReportAsync(InstanceState.Configured);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(2, second.Status.AppliedGeneration);
        // The first boot's fetch and one failed attempt after the reboot; everything else went to the config host.
        Assert.Equal(2, _harness.Rendezvous.CallCount("fetch"));
        Assert.Equal(2, _harness.Rendezvous.CallCount("update_cache"));
        Assert.Equal(0, _delays.Reader.Count);
    }

    private async Task<TimeSpan> NextDelayAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _delays.Reader.ReadAsync(timeout.Token);
    }
}
