namespace CloudConfig.Deltacloud;

/// <summary>The representation the client asks the server for. Both parse into the same model.</summary>
public enum DeltacloudFormat
{
    /// <summary><c>application/xml</c>; the richer format (hardware profile ranges and enums survive only here).</summary>
    Xml = 0,

    /// <summary><c>application/json</c>.</summary>
    Json = 1,
}
