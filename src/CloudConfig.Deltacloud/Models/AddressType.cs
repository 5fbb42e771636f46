namespace CloudConfig.Deltacloud;

/// <summary>The kind of an instance address; backed by the server's name so new kinds are kept.</summary>
public readonly struct AddressType : IEquatable<AddressType>
{
    private readonly string? _name;

    /// <summary>Creates an address type from the server's name.</summary>
    public AddressType(string name) => _name = name;

    /// <summary>The type name as the server sent it.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>A DNS name.</summary>
    public static AddressType Hostname { get; } = new("hostname");

    /// <summary>An IPv4 address.</summary>
    public static AddressType IPv4 { get; } = new("ipv4");

    /// <summary>An IPv6 address.</summary>
    public static AddressType IPv6 { get; } = new("ipv6");

    /// <summary>A MAC address.</summary>
    public static AddressType Mac { get; } = new("mac");

    /// <summary>A VNC console address.</summary>
    public static AddressType Vnc { get; } = new("vnc");

    /// <summary>Whether this client knows the type.</summary>
    public bool IsKnown => this == Hostname || this == IPv4 || this == IPv6 || this == Mac || this == Vnc;

    /// <inheritdoc />
    public bool Equals(AddressType other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AddressType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Compares two types by name, ignoring case.</summary>
    public static bool operator ==(AddressType left, AddressType right) => left.Equals(right);

    /// <summary>Compares two types by name, ignoring case.</summary>
    public static bool operator !=(AddressType left, AddressType right) => !left.Equals(right);
}
