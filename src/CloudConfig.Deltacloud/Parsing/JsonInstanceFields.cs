namespace CloudConfig.Deltacloud;

/// <summary>
/// What one JSON instance object held, as both JSON readings (the streaming one and the document one) gather it, and
/// the instance made of it: the fields the server names twice (owner, launch time) and the defaults are settled here.
/// </summary>
internal struct JsonInstanceFields
{
    public string? Id { get; set; }

    public string? Href { get; set; }

    public string? Name { get; set; }

    public string? State { get; set; }

    public string? Owner { get; set; }

    public string? OwnerId { get; set; }

    public string? LaunchTime { get; set; }

    public string? CreateTime { get; set; }

    public string? ImageId { get; set; }

    public string? RealmId { get; set; }

    public string? ProfileId { get; set; }

    public string? AuthenticationType { get; set; }

    public Dictionary<string, string>? Overrides { get; set; }

    public IReadOnlyList<DeltacloudLink>? Actions { get; set; }

    public IReadOnlyList<InstanceAddress>? PublicAddresses { get; set; }

    public IReadOnlyList<InstanceAddress>? PrivateAddresses { get; set; }

    public IReadOnlyList<string>? Firewalls { get; set; }

    public IReadOnlyList<string>? Volumes { get; set; }

    public readonly Instance ToInstance(InstanceAuthentication? authentication) =>
        new(Id ?? throw new FormatException("A JSON item has no id."), new DeltacloudInstanceState(State ?? string.Empty))
        {
            Href = Href,
            Name = Name,
            OwnerId = Owner ?? OwnerId,
            ImageId = ImageId,
            RealmId = RealmId,
            HardwareProfileId = ProfileId,
            HardwareProfileOverrides = Overrides ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Actions = Actions ?? [],
            PublicAddresses = PublicAddresses ?? [],
            PrivateAddresses = PrivateAddresses ?? [],
            LaunchTime = LaunchTime ?? CreateTime,
            Authentication = authentication,
            Firewalls = Firewalls ?? [],
            StorageVolumeIds = Volumes ?? [],
        };
}
