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
                new RunLedger(options.StateDirectory),
                options.MaxOutputTailChars,
                options.Limits,
                time,
                [.. options.CommandEnvironment.Where(name => name != options.BootStringEnvironmentVariable)]);
        }

        return new FileConfigurationApplier(options.ConfigurationFilePath ?? Path.Combine(options.StateDirectory, DefaultConfigurationFileName));
    }
}
