namespace CloudConfig.Deltacloud;

/// <summary>An action link a resource lists, followed as given to perform the action.</summary>
/// <param name="Rel">The action, for example <c>stop</c> or <c>destroy</c>.</param>
/// <param name="Href">The URL to call.</param>
/// <param name="Method">The HTTP method, lower case as the server sends it (<c>post</c>, <c>delete</c>).</param>
public sealed record DeltacloudLink(string Rel, string Href, string Method);
