namespace CloudConfig.Cache.Nats.Tests;

/// <summary>What the NATS cache's spans say of the server they talk to: read from the options, never the user or password.</summary>
public sealed class NatsTelemetryTests
{
    [Theory]
    [InlineData("nats://alice:pa55-not-for-spans@nats.internal:4333,nats://other:4222", "nats.internal", 4333)]
    [InlineData("127.0.0.1", "127.0.0.1", 4222)]
    [InlineData("tls://[::1]:4223", "::1", 4223)]
    [InlineData(" nats://hub.example ", "hub.example", 4222)]
    public void Backend_ServerUrls_AreTheFirstServersHostAndPortAndTheBucketPrefix(string url, string host, int port)
    {
        var tags = NatsTelemetry.Backend(new NatsConfigCacheOptions { Url = url, BucketPrefix = "site-a" }).Tags()
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

        Assert.Equal("nats", tags["db.system.name"]);
        Assert.Equal("site-a", tags["db.namespace"]);
        Assert.Equal(host, tags["server.address"]);
        Assert.Equal(port, tags["server.port"]);
        Assert.DoesNotContain(tags.Values, v => v is string text && (text.Contains("alice", StringComparison.Ordinal) || text.Contains("pa55", StringComparison.Ordinal)));
    }

    [Fact]
    public void Backend_NoUrlItCanRead_NamesNoServer()
    {
        var tags = NatsTelemetry.Backend(new NatsConfigCacheOptions { Url = "::not a url::" }).Tags().Select(t => t.Key);

        Assert.Equal(["db.system.name", "db.namespace"], tags);
    }
}
