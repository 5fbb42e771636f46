using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Agent.Tests.Flow;

/// <summary>What no valid rendezvous point sends is refused and reported; what retrying cannot change stops at once.</summary>
public sealed class AgentRefusalTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<string> ImpossibleConfigurations => ["another uuid", "generation -5", "generation 0"];

    [Theory]
    [MemberData(nameof(ImpossibleConfigurations))]
    public async Task Run_ConfigurationNoValidServerSends_IsRefusedNotAppliedAndReportedFailed(string kind)
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");
        _harness.Rendezvous.Tamper = kind switch
        {
            "another uuid" => c => c with { Uuid = Guid.NewGuid() },
            "generation -5" => c => c with { Generation = -5 },
            _ => c => c with { Generation = 0 },
        };
        var options = _harness.Options(bootString);
        var applier = new CountingApplier(BuiltInApplier.Create(options, TimeProvider.System));

        var error = await Assert.ThrowsAsync<ConfigurationRefusedException>(() => _harness.Agent(options, applier).RunAsync());

        Assert.Equal(0, applier.Runs);
        Assert.Null(error.Generation);
        var report = await _harness.Rendezvous.NextReportAsync();
        Assert.Equal(InstanceState.Failed, report.Status.State);
        Assert.Null(report.Status.AppliedGeneration);
        Assert.Contains(error.Reason, report.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(InstanceState.Failed, (await _harness.Cache.GetAsync(uuid))!.Status!.State);
    }

    [Fact]
    public async Task Run_ConfigurationOverTheLimit_IsRefusedAndReportedAgainstItsGeneration()
    {
        var (_, _, bootString) = await _harness.RegisterAsync(new string('x', 100));
        var options = _harness.Options(bootString, o => o.Limits.MaxConfigurationBytes = 50);
        var applier = new CountingApplier(BuiltInApplier.Create(options, TimeProvider.System));

        var error = await Assert.ThrowsAsync<ConfigurationRefusedException>(() => _harness.Agent(options, applier).RunAsync());

        Assert.Equal(0, applier.Runs);
        Assert.Equal(1, error.Generation);
        Assert.Contains("100 bytes, over the limit of 50 bytes", error.Message, StringComparison.Ordinal);
        var report = await _harness.Rendezvous.NextReportAsync();
        Assert.Equal(1, report.Status.AppliedGeneration);
        Assert.Equal(InstanceState.Failed, report.Status.State);
    }

    [Fact]
    public async Task Run_AnswerOverTheTransportLimitOnFirstContact_KeepsTheTrustKeyAndReportsFailed()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");
        _harness.Rendezvous.Failure = new RendezvousResponseTooLargeException(1000, generation: 1);

        var error = await Assert.ThrowsAsync<ConfigurationRefusedException>(() => _harness.Agent(_harness.Options(bootString)).RunAsync());

        Assert.Equal(1, error.Generation);
        Assert.IsType<RendezvousResponseTooLargeException>(error.InnerException);
        // The server accepted the boot secret, so the trust key is what the agent holds now.
        Assert.Contains("\"claimed\": true", await File.ReadAllTextAsync(Path.Combine(_harness.StateDirectory, "state.json")), StringComparison.Ordinal);
        Assert.Equal(InstanceState.Failed, (await _harness.Rendezvous.NextReportAsync()).Status.State);
        Assert.True((await _harness.Cache.GetAsync(uuid))!.IsClaimed);
    }

    public static TheoryData<string> FinalFailures => ["refusal", "unsendable credential"];

    [Theory]
    [MemberData(nameof(FinalFailures))]
    public async Task Run_FailureRetryingCannotChange_StopsAfterOneCall(string kind)
    {
        var (_, _, bootString) = await _harness.RegisterAsync("x");
        _harness.Rendezvous.Failure = kind == "refusal"
            ? new ConfigCacheException("The rendezvous server refused the request (403).")
            : new UnsendableCredentialException("bootSecret", "cannot be sent in an HTTP header.");

        var run = _harness.Agent(_harness.Options(bootString)).RunAsync();

        var error = await Assert.ThrowsAnyAsync<ConfigAgentException>(() => run);
        Assert.IsType(kind == "refusal" ? typeof(ConfigAgentRefusedException) : typeof(ConfigAgentCredentialException), error);
        Assert.Equal(["fetch"], _harness.Rendezvous.Calls);
    }

    [Fact]
    public async Task Run_AnotherAgentHoldsTheStateDirectory_StopsBeforeAnyContact()
    {
        var (_, _, bootString) = await _harness.RegisterAsync("x");
        using var held = AgentLock.Acquire(_harness.StateDirectory);

        await Assert.ThrowsAsync<ConfigAgentAlreadyRunningException>(() => _harness.Agent(_harness.Options(bootString)).RunAsync());

        Assert.Empty(_harness.Rendezvous.Calls);
    }
}
