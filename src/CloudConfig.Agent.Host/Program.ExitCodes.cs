namespace CloudConfig.Agent.Host;

// The documented exit codes (README.md, --help), and the one line that says why the agent stopped.
internal static partial class Program
{
    public const int Ok = 0;
    public const int UnexpectedError = 1;
    public const int BadArguments = 2;
    public const int NoBootString = 3;
    public const int CredentialRefused = 4;
    public const int CertificateRefused = 5;
    public const int CredentialUnsendable = 6;
    public const int RequestRefused = 7;
    public const int ConfigurationRefused = 8;
    public const int AlreadyRunning = 9;

    private const int MaxLineLength = 2000;

    internal static int ExitCodeFor(ConfigAgentException exception) => exception switch
    {
        BootStringNotFoundException => NoBootString,
        ConfigAgentAuthenticationException => CredentialRefused,
        ConfigAgentTrustException => CertificateRefused,
        ConfigAgentCredentialException => CredentialUnsendable,
        ConfigAgentRefusedException => RequestRefused,
        ConfigurationRefusedException => ConfigurationRefused,
        ConfigAgentAlreadyRunningException => AlreadyRunning,
        _ => UnexpectedError,
    };

    /// <summary>Writes the reason on one line of standard error and returns the exit code.</summary>
    private static async Task<int> FailAsync(int exitCode, string reason)
    {
        // A server's words can reach the reason (a problem's detail): control characters would forge more lines.
        var line = string.Concat(reason.Take(MaxLineLength).Select(c => char.IsControl(c) ? ' ' : c));
        await Console.Error.WriteLineAsync($"cloudconfig-agent: {line} (exit code {exitCode})").ConfigureAwait(false);
        return exitCode;
    }
}
