namespace CloudConfig.Agent;

/// <summary>The environment variables the command applier sets for the command it runs.</summary>
/// <remarks>
/// The command's environment is built, not inherited: these variables, plus <see cref="PassedByDefault"/> (and
/// <c>LC_*</c>) and the names in <see cref="ConfigAgentOptions.CommandEnvironment"/> when the agent has them. The
/// agent's own credentials (<c>CLOUDCONFIG_BOOT</c>, <c>CLOUDCONFIG_POOL_CREDENTIAL</c>) are never among them.
/// </remarks>
public static class CommandApplierEnvironment
{
    /// <summary>The path of the file the command may write <c>key=value</c> parameter lines to.</summary>
    public const string ParametersFile = "CLOUDCONFIG_PARAMETERS_FILE";

    /// <summary>The entry's uuid.</summary>
    public const string Uuid = "CLOUDCONFIG_UUID";

    /// <summary>The configuration's generation.</summary>
    public const string Generation = "CLOUDCONFIG_GENERATION";

    /// <summary>The configuration's media type.</summary>
    public const string ContentType = "CLOUDCONFIG_CONTENT_TYPE";

    /// <summary>The entry's domain.</summary>
    public const string Domain = "CLOUDCONFIG_DOMAIN";

    /// <summary>The exit code reported when the command ran past its timeout and was killed, as <c>timeout(1)</c> does.</summary>
    public const int TimedOutExitCode = 124;

    /// <summary>The PATH given to the command when the agent has none.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The agent's variables a command gets by default (with every <c>LC_*</c>): what tools need to run, nothing secret.</summary>
    public static IReadOnlyList<string> PassedByDefault { get; } =
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM",
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
    ];

    /// <summary>The agent's own credentials, never passed to a command whatever the options say.</summary>
    public static IReadOnlyList<string> NeverPassed { get; } =
        [ConfigAgentOptions.DefaultBootStringEnvironmentVariable, ConfigAgentOptions.PoolCredentialEnvironmentVariable];

    /// <summary>Replaces <paramref name="environment"/> with the passed variables the agent has.</summary>
    internal static void Fill(IDictionary<string, string?> environment, IReadOnlyList<string> alsoPassed)
    {
        environment.Clear();
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if ((PassedByDefault.Contains(name) || name.StartsWith("LC_", StringComparison.Ordinal) || alsoPassed.Contains(name))
                && !NeverPassed.Contains(name))
            {
                environment[name] = (string?)variable.Value;
            }
        }

        if (!environment.ContainsKey("PATH"))
        {
            environment["PATH"] = DefaultPath;
        }
    }
}
