using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Flow;

public sealed class AgentEndToEndTests : IDisposable
{
    // Reads the configuration from stdin and reports parameters derived from it, the way a real tool would.
    private const string ParameterScript = """
        set -e
        role=$(cat)
        echo "applying generation $CLOUDCONFIG_GENERATION of $CLOUDCONFIG_UUID ($CLOUDCONFIG_CONTENT_TYPE)"
        printf 'role=%s\nport=8080\nready=true\nversion=1.10\n# a comment\n' "$role" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "done" >&2
        """;

    private readonly AgentHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Run_RegisteredEntry_ReportsConfiguredWithParametersThenAppliesGeneration2()
    {
        var (uuid, bootSecret, bootString) = await _harness.RegisterAsync("web");
        var script = _harness.Temp.WriteScript("configure.sh", ParameterScript);
        var options = _harness.Options(bootString, o =>
        {
            o.Command = script;
            o.ExitAfterApply = false;
        });
        using var stop = new CancellationTokenSource();
        var run = _harness.Agent(options).RunAsync(stop.Token);

        var configuring = await _harness.Rendezvous.NextReportAsync();
        var configured = await _harness.Rendezvous.NextReportAsync();
        var entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(new InstanceStatus(InstanceState.Configuring, AppliedGeneration: 1), configuring.Status);
        Assert.Equal(InstanceState.Configured, configured.Status.State);
        Assert.Equal(InstanceState.Configured, entry!.Status.State);
        Assert.Equal(0, entry.Status.ExitCode);
        Assert.Equal(1, entry.Status.AppliedGeneration);
        Assert.Contains($"applying generation 1 of {uuid} (text/x-shellscript)", entry.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("192.0.2.10", entry.Address);
        Assert.Equal(ParameterValue.FromString("web"), entry.Parameters["role"]);
        Assert.Equal(ParameterValue.FromInteger(8080), entry.Parameters["port"]);
        Assert.Equal(ParameterValue.FromBoolean(true), entry.Parameters["ready"]);
        Assert.Equal(ParameterValue.FromString("1.10"), entry.Parameters["version"]);
        Assert.Equal(4, entry.Parameters.Count);

        await _harness.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("db", "text/x-shellscript"));
        var second = await _harness.Rendezvous.NextReportAsync(InstanceState.Configured);
        entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(2, second.Status.AppliedGeneration);
        Assert.Equal(2, entry!.Status.AppliedGeneration);
        Assert.Equal(ParameterValue.FromString("db"), entry.Parameters["role"]);
        Assert.Equal(0, entry.BootSecretReplays);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // Neither the boot secret nor the trust key ever reaches the log.
        var trustKey = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_harness.StateDirectory, "state.json"))).RootElement.GetProperty("trustKey").GetString()!;
        Assert.DoesNotContain(bootSecret.Reveal(), _harness.Logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(trustKey, _harness.Logger.AllText, StringComparison.Ordinal);
        Assert.Contains(uuid.ToString(), _harness.Logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailingScript_ReportsFailedWithExitCodeAndOutputTail()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("anything");
        var script = _harness.Temp.WriteScript("fail.sh", """
            i=0
            while [ $i -lt 2000 ]; do echo "progress line $i"; i=$((i+1)); done
            echo "fatal: disk full" >&2
            exit 3
            """);
        var options = _harness.Options(bootString, o => o.Command = script);

        await _harness.Agent(options).RunAsync();
        var entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(InstanceState.Failed, entry!.Status.State);
        Assert.Equal(3, entry.Status.ExitCode);
        Assert.Equal(1, entry.Status.AppliedGeneration);
        // Standard error joins standard output in the order written, so the tail ends with the last error line.
        Assert.EndsWith("progress line 1999\nfatal: disk full\n", entry.Status.Detail, StringComparison.Ordinal);
        Assert.True(entry.Status.Detail!.Length <= options.MaxOutputTailChars);
        Assert.DoesNotContain("progress line 0\n", entry.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Restart_ReportsStoredStatusWithoutReapplyingOrUsingTheBootSecret()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("web");
        var script = _harness.Temp.WriteScript("configure.sh", ParameterScript);
        var options = _harness.Options(bootString, o => o.Command = script);
        var applier = new CountingApplier(BuiltInApplier.Create(options, TimeProvider.System));
        await _harness.Agent(options, applier).RunAsync();
        var firstContacts = _harness.Rendezvous.FirstContactFetches;
        var reportsBefore = _harness.Rendezvous.CallCount("update_cache");

        // The reboot: a new agent over the same state directory, the (consumed) boot string still in user data.
        await _harness.Agent(options, applier).RunAsync();
        var afterReboot = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(1, firstContacts);
        Assert.Equal(1, _harness.Rendezvous.FirstContactFetches);
        Assert.Equal(1, applier.Runs);
        Assert.Equal(2, reportsBefore);
        Assert.Equal(3, _harness.Rendezvous.CallCount("update_cache"));
        Assert.Equal(0, afterReboot!.BootSecretReplays);
        Assert.Equal(InstanceState.Configured, afterReboot.Status.State);
        Assert.Equal(1, afterReboot.Status.AppliedGeneration);
        Assert.Equal(ParameterValue.FromInteger(8080), afterReboot.Parameters["port"]);

        // A newer generation published while the instance was down is applied at the next start, again without the boot string.
        await _harness.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("db"));
        await _harness.Agent(_harness.Options(bootString: null, o => o.Command = script), applier).RunAsync();
        var updated = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(2, applier.Runs);
        Assert.Equal([1L, 2L], applier.Generations);
        Assert.Equal(2, updated!.Status.AppliedGeneration);
        Assert.Equal(ParameterValue.FromString("db"), updated.Parameters["role"]);
        Assert.Equal(0, updated.BootSecretReplays);
        Assert.Equal(1, _harness.Rendezvous.FirstContactFetches);
    }

    [Fact]
    public async Task Run_FirstContactAnswerLost_RetriesWithTheSavedTrustKeyAndIsAccepted()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("x");
        _harness.Rendezvous.LoseNextFetchAnswer = true;
        var options = _harness.Options(bootString, o => o.InitialRetryDelay = TimeSpan.FromMilliseconds(1));

        await _harness.Agent(options).RunAsync();
        var entry = await _harness.Cache.GetAsync(uuid);

        Assert.Equal(2, _harness.Rendezvous.FirstContactFetches);
        Assert.Equal(0, entry!.BootSecretReplays);
        Assert.Equal(InstanceState.Configured, entry.Status.State);
    }

    [Fact]
    public async Task Run_DynamicPool_ClaimsOneEntryConfiguresItAndKeepsItAcrossRestarts()
    {
        var poolCredential = Secret.Generate();
        var uuids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in uuids)
        {
            await _harness.Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(id, ConfigurationContent.FromText("worker"), "workers", poolCredential));
        }

        var options = _harness.Options(bootString: null, o =>
        {
            o.DynamicRendezvousAddress = AgentHarness.Primary;
            o.DynamicPool = "workers";
            o.DynamicPoolCredential = poolCredential.Reveal();
        });

        await _harness.Agent(options).RunAsync();
        await _harness.Agent(options).RunAsync();
        var entries = await Task.WhenAll(uuids.Select(id => _harness.Cache.GetAsync(id)));

        var claimed = Assert.Single(entries, e => e!.IsClaimed);
        Assert.Equal(InstanceState.Configured, claimed!.Status.State);
        Assert.Equal(1, _harness.Rendezvous.CallCount("assign_dynamic"));
        Assert.Equal(ConfigurationContent.FromText("worker").Bytes.ToArray(), await File.ReadAllBytesAsync(Path.Combine(_harness.StateDirectory, "configuration")));
        Assert.DoesNotContain(poolCredential.Reveal(), await File.ReadAllTextAsync(Path.Combine(_harness.StateDirectory, "state.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StateAndConfigurationFiles_AreReadableByTheirOwnerOnly()
    {
        var (uuid, bootSecret, bootString) = await _harness.RegisterAsync("secret-ish configuration");
        var configurationFile = _harness.Temp.File("etc/app.conf");
        var options = _harness.Options(bootString, o => o.ConfigurationFilePath = configurationFile);

        await _harness.Agent(options).RunAsync();
        var statePath = Path.Combine(_harness.StateDirectory, "state.json");
        var state = await File.ReadAllTextAsync(statePath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_harness.StateDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(statePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(configurationFile));
        Assert.Equal("secret-ish configuration", await File.ReadAllTextAsync(configurationFile));
        Assert.Contains(uuid.ToString(), state, StringComparison.Ordinal);
        Assert.DoesNotContain(bootSecret.Reveal(), state, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_harness.StateDirectory, "*.tmp"));
        Assert.Equal(InstanceState.Configured, (await _harness.Cache.GetAsync(uuid))!.Status.State);
    }
}
