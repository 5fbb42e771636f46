using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Flow;

public sealed class AgentApplierResultTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Run_ApplierParametersOverTheCacheLimits_ReportsFailedInsteadOfStopping()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");
        var tooMany = Enumerable.Range(0, 300).ToDictionary(i => "k" + i, i => ParameterValue.FromInteger(i));
        var applier = new ResultApplier(new ConfigurationApplyResult(true, 0, "ok") { Parameters = tooMany });

        await _harness.Agent(_harness.Options(bootString), applier).RunAsync();
        var entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(InstanceState.Failed, entry!.Status.State);
        Assert.Equal(0, entry.Status.ExitCode);
        Assert.StartsWith("The applier's result cannot be reported: Invalid parameters", entry.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(entry.Parameters);
    }

    [Fact]
    public async Task Run_ApplierThrows_ReportsFailedWithTheError()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");

        await _harness.Agent(_harness.Options(bootString), new ThrowingApplier()).RunAsync();
        var entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(InstanceState.Failed, entry!.Status.State);
        Assert.Null(entry.Status.ExitCode);
        Assert.Equal("The applier failed: InvalidOperationException: puppet is not installed", entry.Status.Detail);
    }

    private sealed class ResultApplier(ConfigurationApplyResult result) : IConfigurationApplier
    {
        public Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default) =>
            Task.FromResult(result);
    }

    private sealed class ThrowingApplier : IConfigurationApplier
    {
        public Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("puppet is not installed");
    }
}
