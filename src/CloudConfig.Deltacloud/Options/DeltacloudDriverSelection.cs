namespace CloudConfig.Deltacloud;

/// <summary>How the client tells the server which <see cref="DeltacloudClientOptions.Driver"/> and <see cref="DeltacloudClientOptions.Provider"/> to use.</summary>
public enum DeltacloudDriverSelection
{
    /// <summary>The <c>X-Deltacloud-Driver</c> and <c>X-Deltacloud-Provider</c> headers on every request.</summary>
    Headers = 0,

    /// <summary>
    /// Matrix parameters on the entry point's path segment (<c>/api;driver=ec2;provider=eu-west-1/instances</c>), for
    /// proxies that drop unknown headers; a POST also carries them as <c>api[driver]</c> and <c>api[provider]</c> in
    /// the query, which the server reads whatever order its middleware runs in. A link to another host than
    /// <see cref="DeltacloudClientOptions.BaseUrl"/> gets the headers instead.
    /// </summary>
    MatrixParameters = 1,
}
