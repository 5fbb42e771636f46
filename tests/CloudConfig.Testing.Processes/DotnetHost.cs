namespace CloudConfig.Testing.Processes;

/// <summary>The <c>dotnet</c> executable running these tests, and the environment child builds and tools need.</summary>
public static class DotnetHost
{
    public static string Executable { get; } = Find();

    /// <summary>Where the runtime lives, for the apphost of an installed tool.</summary>
    public static string Root { get; } = Path.GetDirectoryName(new FileInfo(Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Executable)!;

    /// <summary>
    /// The environment for a child <c>dotnet</c>: no MSBuild variables inherited from the build that started the
    /// tests (they would point a nested build at the outer one), no build servers left running afterwards.
    /// </summary>
    public static Dictionary<string, string?> ChildEnvironment(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_ROOT"] = Root;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return process;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No dotnet executable found (DOTNET_HOST_PATH, the test host, PATH).");
    }
}
