using System.Globalization;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>What the Redis cache's spans say of the Redis they talk to: read from the options, never the password.</summary>
public sealed class RedisTelemetryTests
{
    [Fact]
    public void Backend_ConnectionStringWithAPasswordAndADatabase_IsHostPortAndIndexAlone()
    {
        var tags = Tags("redis.internal:6390,password=hunter2-not-for-spans,user=ops-user,defaultDatabase=3");

        Assert.Equal("redis", tags["db.system.name"]);
        Assert.Equal("3", tags["db.namespace"]);
        Assert.Equal("redis.internal", tags["server.address"]);
        Assert.Equal(6390, tags["server.port"]);
        Assert.DoesNotContain(tags.Values, v => Text(v).Contains("hunter2", StringComparison.Ordinal) || Text(v).Contains("ops-user", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3", 6379)]
    [InlineData("10.1.2.3,ssl=true", "10.1.2.3", 6380)]
    [InlineData("cache-a:7000,cache-b:7001", "cache-a", 7000)]
    public void Backend_EndpointWithoutOrWithAPort_IsTheFirstWithRedissDefaultPort(string configuration, string host, int port)
    {
        var tags = Tags(configuration);

        Assert.Equal(host, tags["server.address"]);
        Assert.Equal(port, tags["server.port"]);
        Assert.Equal("0", tags["db.namespace"]);
    }

    private static Dictionary<string, object?> Tags(string configuration) =>
        RedisTelemetry.Backend(new RedisConfigCacheOptions { Configuration = configuration }).Tags().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
