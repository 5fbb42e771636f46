using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary>The options every command takes: where the server is, how to authenticate, how to write.</summary>
internal sealed class GlobalOptions
{
    // No option takes the API key itself: a command line is visible to every user of the machine (ps).
    // No option shows a default either, so --help never prints what the environment holds.
    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = $"The rendezvous server's base URL, e.g. https://rendezvous.example:8443/ [env: {EnvironmentVariables.Server}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = $"A file holding the API key [env: {EnvironmentVariables.ApiKeyFile}, or the key itself in {EnvironmentVariables.ApiKey}]",
        HelpName = "file",
        Recursive = true,
    };

    public Option<string?> ServerFingerprint { get; } = new("--server-fingerprint")
    {
        Description = $"Accept only the server certificate with this SHA-256 fingerprint (64 hex digits) [env: {EnvironmentVariables.ServerFingerprint}]",
        HelpName = "sha256",
        Recursive = true,
    };

    public Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Plain text even on a terminal (output that is not a terminal is always plain)",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Say on standard error which server and key source are used, and every retry",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(ApiKeyFile);
        root.Options.Add(ServerFingerprint);
        root.Options.Add(Plain);
        root.Options.Add(Verbose);
    }
}
