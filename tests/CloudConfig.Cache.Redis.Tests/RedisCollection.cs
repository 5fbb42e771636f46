namespace CloudConfig.Cache.Redis.Tests;

/// <summary>Every Redis test class shares one server, and they run one class at a time on our two cores.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
