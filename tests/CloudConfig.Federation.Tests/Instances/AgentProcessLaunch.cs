using CloudConfig.Testing.Processes;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// The built agent executable (<c>agent/cloudconfig-agent.dll</c> beside the tests, or the file named by
/// <c>CLOUDCONFIG_AGENT_BINARY</c>, such as the published NativeAOT one) started inside an instance's namespace, the
/// way an image would run it: the boot string in its environment, its address detected from its own interface, the
/// configuration run by <c>/bin/sh</c>.
/// </summary>
internal static class AgentProcessLaunch
{
    public const string BinaryVariable = "CLOUDCONFIG_AGENT_BINARY";

    public static RunningChild Start(InstanceNetwork instance, string bootString, string stateDirectory)
    {
        var native = Environment.GetEnvironmentVariable(BinaryVariable);
        List<string> command = native is { Length: > 0 }
            ? [native]
            : [DotnetHost.Executable, "exec", Path.Combine(AppContext.BaseDirectory, "agent", "cloudconfig-agent.dll")];
        command.AddRange(
        [
            "--user-data-file", "none", "--metadata-url", "none", "--cmdline-file", "none",
            "--state-dir", stateDirectory,
            "--command", "/bin/sh",
            // An instance booted during an outage retries until its registration arrives; not minutes apart.
            "--retry-delay", "1", "--max-retry-delay", "2",
        ]);
        var environment = DotnetHost.ChildEnvironment(new Dictionary<string, string> { ["CLOUDCONFIG_BOOT"] = bootString });
        environment["CLOUDCONFIG_POOL_CREDENTIAL"] = null;
        return ChildProcess.Start("ip", ["netns", "exec", instance.Namespace.Name, .. command], environment, Path.GetTempPath());
    }
}
