namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>The federation test classes share one set of sites and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FederationCollection : ICollectionFixture<FederationFixture>
{
    public const string Name = "nats federation";
}
