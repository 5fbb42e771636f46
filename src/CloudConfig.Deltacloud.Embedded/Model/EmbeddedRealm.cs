namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A realm (availability zone) the embedded cloud lists under <c>/api/realms</c>.</summary>
/// <param name="Id">The realm id, such as <c>us</c>.</param>
/// <param name="Name">The display name, such as <c>United States</c>.</param>
public sealed record EmbeddedRealm(string Id, string Name);
