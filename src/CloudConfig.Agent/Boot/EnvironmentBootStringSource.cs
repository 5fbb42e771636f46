using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>The boot string in an environment variable (<c>CLOUDCONFIG_BOOT</c> by default).</summary>
internal sealed class EnvironmentBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public string Name => "environment " + (string.IsNullOrEmpty(options.Value.BootStringEnvironmentVariable) ? "(disabled)" : options.Value.BootStringEnvironmentVariable);

    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var variable = options.Value.BootStringEnvironmentVariable;
        return ValueTask.FromResult(string.IsNullOrEmpty(variable) ? null : Environment.GetEnvironmentVariable(variable));
    }
}
