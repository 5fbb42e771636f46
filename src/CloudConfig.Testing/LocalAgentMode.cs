namespace CloudConfig.Testing;

/// <summary>Where a <see cref="LocalCloud"/> starts the agent of each instance it launches.</summary>
public enum LocalAgentMode
{
    /// <summary>
    /// <see cref="CloudBootHook"/> on the embedded cloud, <see cref="Launcher"/> on a Deltacloud of your own.
    /// </summary>
    Automatic,

    /// <summary>The embedded cloud's boot hook "boots" each new instance by starting its agent; its stop hook stops it.</summary>
    CloudBootHook,

    /// <summary>
    /// The app's launcher is wrapped in <see cref="LocalAgentLauncher"/>: for clouds that boot nothing, such as
    /// Deltacloud's mock driver.
    /// </summary>
    Launcher,

    /// <summary>No agents: instances are created but nothing configures them (a control for tests).</summary>
    None,
}
