using CloudConfig.Agent.Host;

namespace CloudConfig.Agent.Tests.Hosting;

public sealed class AgentCommandLineTests
{
    [Fact]
    public void Parse_EveryOption_FillsTheOptions()
    {
        var options = new ConfigAgentOptions();
        string[] args =
        [
            "--boot-string", "b", "--boot-env=MY_BOOT", "--user-data-file", "none", "--metadata-url", "http://127.0.0.1:9/",
            "--cmdline-file", "/tmp/cmdline", "--command", "/bin/sh", "--arg", "-c", "--arg", "echo hi", "--command-timeout", "90",
            "--config-file", "/etc/app.conf", "--state-dir", "/tmp/state", "--address", "10.0.0.5", "--allow-insecure", "--once",
            "--dynamic-rendezvous", "[::1]:8443", "--pool", "workers", "--verbose", "--pass-env", "http_proxy_user",
            "--max-configuration-bytes", "2048", "--request-timeout", "0.5", "--retry-delay", "0.25", "--max-retry-delay=3",
        ];

        var parsed = AgentCommandLine.Parse(args, options, name => name == AgentCommandLine.PoolCredentialVariable ? "pool-secret" : null);

        Assert.Empty(parsed.Errors);
        Assert.True(parsed.Verbose);
        Assert.Equal("b", options.BootString);
        Assert.Equal("MY_BOOT", options.BootStringEnvironmentVariable);
        Assert.Null(options.UserDataPath);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.MetadataServiceUrl);
        Assert.Equal("/tmp/cmdline", options.KernelCommandLinePath);
        Assert.Equal("/bin/sh", options.Command);
        Assert.Equal(["-c", "echo hi"], options.CommandArguments);
        Assert.Equal(TimeSpan.FromSeconds(90), options.CommandTimeout);
        Assert.Equal("/etc/app.conf", options.ConfigurationFilePath);
        Assert.Equal("/tmp/state", options.StateDirectory);
        Assert.Equal("10.0.0.5", options.Address);
        Assert.True(options.AllowInsecureTransport);
        Assert.True(options.ExitAfterApply);
        Assert.Equal("[::1]:8443", options.DynamicRendezvousAddress);
        Assert.Equal("workers", options.DynamicPool);
        Assert.Equal("pool-secret", options.DynamicPoolCredential);
        Assert.Equal(["http_proxy_user"], options.CommandEnvironment);
        Assert.Equal(2048, options.Limits.MaxConfigurationBytes);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.25), options.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), options.MaxRetryDelay);
    }

    [Theory]
    [InlineData("--request-timeout", "0")]
    [InlineData("--request-timeout", "-1")]
    [InlineData("--retry-delay", "soon")]
    [InlineData("--max-retry-delay", "1e9")]
    [InlineData("--max-configuration-bytes", "0")]
    [InlineData("--max-configuration-bytes", "99999999999")]
    public void Parse_OutOfRangeLimitOrPacing_IsABadArgument(string name, string value)
    {
        var parsed = AgentCommandLine.Parse([name, value], new ConfigAgentOptions(), _ => null);

        Assert.Single(parsed.Errors);
        Assert.StartsWith(name, parsed.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownArgumentAndMissingValue_AreReportedWithoutEchoingThem()
    {
        var parsed = AgentCommandLine.Parse(["--boot-strin", "v1:secret-looking-text", "--state-dir"], new ConfigAgentOptions(), _ => null);

        Assert.Equal(["Unknown argument at position 1.", "Unknown argument at position 2.", "--state-dir needs a value."], parsed.Errors);
        Assert.DoesNotContain(parsed.Errors, e => e.Contains("secret-looking", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ValueLookingLikeAnOption_IsTheValue()
    {
        var options = new ConfigAgentOptions();

        // The README's example: the command's own '--', and arguments that System.CommandLine would take for its own.
        var parsed = AgentCommandLine.Parse(
            ["--command", "/usr/sbin/runuser", "--arg", "-u", "--arg", "deploy", "--arg", "--", "--arg", "-h", "--arg", "--once", "--arg", "@file", "--address", "-1"],
            options,
            _ => null);

        Assert.Empty(parsed.Errors);
        Assert.False(parsed.ShowHelp);
        Assert.False(options.ExitAfterApply);
        Assert.Equal(["-u", "deploy", "--", "-h", "--once", "@file"], options.CommandArguments);
        Assert.Equal("-1", options.Address);
    }

    [Fact]
    public void Parse_EmptyValues_AreValues()
    {
        var options = new ConfigAgentOptions();

        var parsed = AgentCommandLine.Parse(["--boot-string", "", "--boot-env", "", "--user-data-file", "", "--arg", ""], options, _ => null);

        Assert.Empty(parsed.Errors);
        Assert.Equal("", options.BootString);
        Assert.Equal("", options.BootStringEnvironmentVariable);
        Assert.Null(options.UserDataPath);
        Assert.Equal([""], options.CommandArguments);
    }

    [Fact]
    public void Parse_RepeatedOption_LastValueWins()
    {
        var options = new ConfigAgentOptions();

        var parsed = AgentCommandLine.Parse(["--metadata-url", "none", "--metadata-url", "http://127.0.0.1:9/", "--state-dir=/a", "--state-dir", "/b", "--once", "--once"], options, _ => null);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.MetadataServiceUrl);
        Assert.Equal("/b", options.StateDirectory);
        Assert.True(options.ExitAfterApply);
    }

    [Theory]
    [InlineData("--", "secret-looking")]
    [InlineData("@secret-looking", "--once")]
    [InlineData("[secret-looking]", "--once")]
    [InlineData("--once=secret-looking", "--verbose")]
    public void Parse_WhatIsNoOption_IsAnUnknownArgumentByPosition(string first, string second)
    {
        var parsed = AgentCommandLine.Parse(["--once", first, second], new ConfigAgentOptions(), _ => null);

        Assert.Contains("Unknown argument at position 2.", parsed.Errors);
        Assert.DoesNotContain(parsed.Errors, e => e.Contains("secret-looking", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Parse_Help_WinsOverAnyProblem(string help)
    {
        var parsed = AgentCommandLine.Parse(["--frobnicate", help, "--state-dir"], new ConfigAgentOptions(), _ => null);

        Assert.True(parsed.ShowHelp);
    }

    [Fact]
    public void Usage_NamesEveryOptionTheSourcesOrderAndEveryExitCode()
    {
        var names = new AgentCommandLineSymbols().Command.Options.Select(o => o.Name).ToList();

        Assert.Equal(23, names.Count);
        Assert.All(names, name => Assert.Contains(name, AgentCommandLine.Usage, StringComparison.Ordinal));
        Assert.Contains("Usage:\n  cloudconfig-agent [options]".Replace("\n", Environment.NewLine, StringComparison.Ordinal), AgentCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("tried in the order 1 to 5", AgentCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("9 another agent holds the state directory.", AgentCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Version_IsRecognisedAndPrintsTheInformationalVersion()
    {
        Assert.True(AgentCommandLine.Parse(["--version"], new ConfigAgentOptions(), _ => null).ShowVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", AgentCommandLine.VersionText);
    }

    [Fact]
    public void Parse_Help_IsRecognised() =>
        Assert.True(AgentCommandLine.Parse(["--help"], new ConfigAgentOptions(), _ => null).ShowHelp);
}
