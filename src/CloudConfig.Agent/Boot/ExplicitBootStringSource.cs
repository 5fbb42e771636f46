using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>The boot string given to the agent directly (the host's <c>--boot-string</c>).</summary>
internal sealed class ExplicitBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public string Name => "command line";

    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(options.Value.BootString);
}
