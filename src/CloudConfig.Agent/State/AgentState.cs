namespace CloudConfig.Agent;

/// <summary>
/// What the agent remembers across restarts, as stored in the state file. It holds the trust key (the file is
/// 0600 in a 0700 directory) but never the boot secret, which is worthless once consumed.
/// </summary>
internal sealed record AgentState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The entry's uuid; null while a dynamic assignment is still pending.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>The trust key, saved before first contact so that a lost answer can be retried.</summary>
    public required string TrustKey { get; init; }

    /// <summary>Whether the rendezvous point has accepted the trust key (first contact or assignment answered).</summary>
    public bool Claimed { get; init; }

    /// <summary>The endpoint the agent was booted with.</summary>
    public required StoredEndpoint Endpoint { get; init; }

    /// <summary>The entry's config hosts, the fallbacks when the endpoint is unreachable.</summary>
    public List<string> ConfigHosts { get; init; } = [];

    /// <summary>The last generation applied (successfully or not); null before the first apply.</summary>
    public long? AppliedGeneration { get; init; }

    /// <summary>The status reported for <see cref="AppliedGeneration"/>, re-reported after a restart.</summary>
    public StoredStatus? LastStatus { get; init; }

    /// <summary>The parameters reported with <see cref="LastStatus"/>.</summary>
    public Dictionary<string, StoredParameter> Parameters { get; init; } = [];
}

/// <summary>A rendezvous endpoint in the state file.</summary>
internal sealed record StoredEndpoint(string Address, string? Fingerprint, string Scheme);

/// <summary>An instance status in the state file.</summary>
internal sealed record StoredStatus(string State, int? ExitCode, string? Detail);

/// <summary>A typed parameter in the state file: its kind and its invariant text.</summary>
internal sealed record StoredParameter(string Kind, string Value);
