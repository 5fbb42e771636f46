using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>A <c>cloudconfig.boot=</c> token on the kernel command line (<c>/proc/cmdline</c>).</summary>
internal sealed class KernelCommandLineBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public const string TokenPrefix = "cloudconfig.boot=";

    public string Name => "kernel command line " + (options.Value.KernelCommandLinePath ?? "(disabled)");

    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.KernelCommandLinePath;
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var text = await BoundedText.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        return text is null ? null : FindToken(text);
    }

    internal static string? FindToken(string commandLine)
    {
        foreach (var token in commandLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith(TokenPrefix, StringComparison.Ordinal))
            {
                return token[TokenPrefix.Length..].Trim('"');
            }
        }

        return null;
    }
}
