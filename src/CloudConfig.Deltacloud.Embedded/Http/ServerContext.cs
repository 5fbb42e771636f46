using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded;

// What every endpoint needs; Links is set once Kestrel has bound and the address is known.
internal sealed class ServerContext(EmbeddedDeltacloudOptions options, CloudState state, BootHookRunner hooks, ILogger logger)
{
    public EmbeddedDeltacloudOptions Options { get; } = options;

    public CloudState State { get; } = state;

    public BootHookRunner Hooks { get; } = hooks;

    public ILogger Logger { get; } = logger;

    public Links Links { get; set; } = new("http://127.0.0.1");
}
