using NATS.Client.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>Where and how one site connection reaches its NATS server; read from the public options.</summary>
/// <param name="Url">The server URL(s), comma-separated; null when <paramref name="Shared"/> is set.</param>
/// <param name="Username">The user, or null.</param>
/// <param name="Password">The user's password, or null. Never logged.</param>
/// <param name="Shared">A connection owned by the app, never disposed here.</param>
/// <param name="Configure">Adjusts the client options (TLS, credentials files) before connecting.</param>
internal sealed record NatsConnectionSettings(
    string? Url,
    string? Username,
    string? Password,
    INatsConnection? Shared,
    Func<NatsOpts, NatsOpts>? Configure)
{
    /// <summary>The client options for a connection the cache makes itself.</summary>
    public NatsOpts ToNatsOpts(string name, TimeSpan operationTimeout)
    {
        var opts = new NatsOpts
        {
            Url = Url!,
            Name = name,
            ConnectTimeout = operationTimeout,
            RequestTimeout = operationTimeout,
            CommandTimeout = operationTimeout,
            // A config cache should be back soon after its server is; the default waits up to minutes between attempts.
            ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
            AuthOpts = Username is null ? NatsAuthOpts.Default : new NatsAuthOpts { Username = Username, Password = Password },
        };
        return Configure is null ? opts : Configure(opts);
    }
}
