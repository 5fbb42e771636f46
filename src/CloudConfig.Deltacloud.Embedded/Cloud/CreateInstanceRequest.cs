namespace CloudConfig.Deltacloud.Embedded;

// A create after the HTTP layer parsed and base64-decoded it.
internal sealed record CreateInstanceRequest(string ImageId)
{
    public string? RealmId { get; init; }

    public string? HardwareProfileId { get; init; }

    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public string? Name { get; init; }

    public string? KeyName { get; init; }

    public byte[]? UserData { get; init; }
}
