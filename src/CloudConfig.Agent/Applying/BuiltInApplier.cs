namespace CloudConfig.Agent;

/// <summary>Chooses the built-in applier the options describe.</summary>
internal static class BuiltInApplier
{
    public const string DefaultConfigurationFileName = "configuration";

    public static IConfigurationApplier Create(ConfigAgentOptions options, TimeProvider time)
    {
        if (options.Command is { } command)
        {
            return new CommandConfigurationApplier(
                command,
                [.. options.CommandArguments],
                options.CommandTimeout,
                Path.Combine(options.StateDirectory, "run"),
                options.MaxOutputTailChars,
                options.Limits,
                time,
                [options.BootStringEnvironmentVariable, ConfigAgentOptions.PoolCredentialEnvironmentVariable]);
        }

        return new FileConfigurationApplier(options.ConfigurationFilePath ?? Path.Combine(options.StateDirectory, DefaultConfigurationFileName));
    }
}
