namespace CloudConfig.Federation.Tests;

/// <summary>The tests that share one <see cref="FederatedDeployment"/>, one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class FederatedDeploymentCollection : ICollectionFixture<FederatedDeployment>
{
    public const string Name = "Federated deployment in network namespaces";
}
