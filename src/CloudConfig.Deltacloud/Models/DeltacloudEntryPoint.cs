namespace CloudConfig.Deltacloud;

/// <summary>What <c>GET /api</c> advertised: the server version, the driver and provider in use, and the collections.</summary>
/// <param name="Version">The API version, for example <c>1.1.3</c>.</param>
/// <param name="Driver">The driver that answered.</param>
/// <param name="Provider">The provider, when the server named one.</param>
/// <param name="Collections">The collections, each with the URL to use and the driver's features.</param>
public sealed record DeltacloudEntryPoint(string Version, string Driver, string? Provider, IReadOnlyList<DeltacloudCollection> Collections)
{
    /// <summary>The collection with this <c>rel</c>, or <see langword="null"/> when the driver does not offer it.</summary>
    public DeltacloudCollection? FindCollection(string rel)
    {
        // Index loops, not LINQ with a capturing lambda: every create asks twice, and a closure per question added up.
        for (var i = 0; i < Collections.Count; i++)
        {
            if (string.Equals(Collections[i].Rel, rel, StringComparison.Ordinal))
            {
                return Collections[i];
            }
        }

        return null;
    }

    /// <summary>Whether the collection advertises the named feature (see <see cref="DeltacloudFeatureNames"/>).</summary>
    public bool HasFeature(string collectionRel, string featureName)
    {
        if (FindCollection(collectionRel) is not { } collection)
        {
            return false;
        }

        var features = collection.Features;
        for (var i = 0; i < features.Count; i++)
        {
            if (string.Equals(features[i].Name, featureName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
