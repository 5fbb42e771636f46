namespace CloudConfig.Deltacloud;

/// <summary>One collection link of the entry point.</summary>
/// <param name="Rel">The collection's name, for example <c>instances</c>.</param>
/// <param name="Href">The URL of the collection, as the server gave it.</param>
/// <param name="Features">The driver's features for this collection; unknown names are kept.</param>
public sealed record DeltacloudCollection(string Rel, string Href, IReadOnlyList<DeltacloudFeature> Features);
