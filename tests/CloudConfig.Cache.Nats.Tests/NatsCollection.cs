namespace CloudConfig.Cache.Nats.Tests;

/// <summary>Every single-site NATS test class shares one server, and they run one class at a time on our two cores.</summary>
[CollectionDefinition(Name)]
public sealed class NatsCollection : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "nats";
}
