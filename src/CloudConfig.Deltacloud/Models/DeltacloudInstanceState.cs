namespace CloudConfig.Deltacloud;

/// <summary>
/// An instance state. Backed by the server's name so a state this client does not know is kept, not rejected;
/// compared without regard to case because the state machine uses lower case and instances upper case.
/// </summary>
public readonly struct DeltacloudInstanceState : IEquatable<DeltacloudInstanceState>
{
    private readonly string? _name;

    /// <summary>Creates a state from the server's name.</summary>
    public DeltacloudInstanceState(string name) => _name = name;

    /// <summary>The state name as the server sent it.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>The instance is being created.</summary>
    public static DeltacloudInstanceState Pending { get; } = new("PENDING");

    /// <summary>The instance runs.</summary>
    public static DeltacloudInstanceState Running { get; } = new("RUNNING");

    /// <summary>The instance is stopping.</summary>
    public static DeltacloudInstanceState Stopping { get; } = new("STOPPING");

    /// <summary>The instance is stopped.</summary>
    public static DeltacloudInstanceState Stopped { get; } = new("STOPPED");

    /// <summary>The instance is gone.</summary>
    public static DeltacloudInstanceState Finish { get; } = new("FINISH");

    /// <summary>The cloud reports a failure.</summary>
    public static DeltacloudInstanceState Error { get; } = new("ERROR");

    /// <summary>Whether this is one of the six states Deltacloud 1.1 documents.</summary>
    public bool IsKnown => this == Pending || this == Running || this == Stopping || this == Stopped || this == Finish || this == Error;

    /// <inheritdoc />
    public bool Equals(DeltacloudInstanceState other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeltacloudInstanceState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Compares two states by name, ignoring case.</summary>
    public static bool operator ==(DeltacloudInstanceState left, DeltacloudInstanceState right) => left.Equals(right);

    /// <summary>Compares two states by name, ignoring case.</summary>
    public static bool operator !=(DeltacloudInstanceState left, DeltacloudInstanceState right) => !left.Equals(right);
}
