namespace CloudConfig.Deltacloud;

/// <summary>A public or private address of an instance.</summary>
/// <param name="Value">The address.</param>
/// <param name="Type">Its kind; unknown kinds are kept.</param>
public sealed record InstanceAddress(string Value, AddressType Type)
{
    /// <summary>The port, for address kinds that carry one (VNC).</summary>
    public int? Port { get; init; }
}
