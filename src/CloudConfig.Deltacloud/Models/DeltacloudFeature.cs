namespace CloudConfig.Deltacloud;

/// <summary>A driver feature of a collection, such as <c>user_data</c> on <c>instances</c>.</summary>
/// <param name="Name">The feature name, kept as the server sent it even when this client does not know it.</param>
/// <param name="Rel">The operation it applies to (<c>create</c>, <c>index</c>).</param>
/// <param name="Params">The request parameters the feature adds.</param>
/// <param name="Constraints">Constraints the driver declares, by name.</param>
public sealed record DeltacloudFeature(string Name, string? Rel, IReadOnlyList<string> Params, IReadOnlyDictionary<string, string> Constraints);
