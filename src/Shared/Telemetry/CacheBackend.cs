// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// What a cache's spans and measurements say of its backend, in OpenTelemetry's attribute names: db.system.name
// (redis, nats), db.namespace when the cache knows it without asking the server, and the server's host and port as
// configured. Made from options, so never a password or a user: callers pass the host alone.
internal sealed record CacheBackend(string System, string? Namespace, string? ServerAddress, int? ServerPort)
{
    public KeyValuePair<string, object?>[] Tags()
    {
        var tags = new List<KeyValuePair<string, object?>>(4) { new("db.system.name", System) };
        if (Namespace is not null)
        {
            tags.Add(new("db.namespace", Namespace));
        }

        if (ServerAddress is not null)
        {
            tags.Add(new("server.address", ServerAddress));
            if (ServerPort is { } port)
            {
                tags.Add(new("server.port", port));
            }
        }

        return [.. tags];
    }
}
