namespace CloudConfig.Deltacloud;

/// <summary>What one instance element held, gathered while its children stream past.</summary>
internal static partial class XmlInstanceReader
{
    [Flags]
    private enum Seen
    {
        None = 0,
        Id = 1 << 0,
        Name = 1 << 1,
        Owner = 1 << 2,
        State = 1 << 3,
        LaunchTime = 1 << 4,
        Image = 1 << 5,
        Realm = 1 << 6,
        Profile = 1 << 7,
        Actions = 1 << 8,
        PublicAddresses = 1 << 9,
        PrivateAddresses = 1 << 10,
        Authentication = 1 << 11,
        Firewalls = 1 << 12,
        StorageVolumes = 1 << 13,
        KeyName = 1 << 14,
        Username = 1 << 15,
        Password = 1 << 16,
    }

    // A struct passed by reference: one instance element's scratch space costs no allocation of its own.
    private struct InstanceFields
    {
        private Seen _seen;

        public Scratch Scratch { get; init; }

        public string? IdAttribute { get; set; }

        public string? Href { get; set; }

        public string? IdText { get; set; }

        public string? Name { get; set; }

        public string? OwnerId { get; set; }

        public string? State { get; set; }

        public string? LaunchTime { get; set; }

        public string? ImageId { get; set; }

        public string? RealmId { get; set; }

        public string? HardwareProfileId { get; set; }

        public Dictionary<string, string>? Overrides { get; set; }

        public DeltacloudLink[]? Actions { get; set; }

        public InstanceAddress[]? PublicAddresses { get; set; }

        public InstanceAddress[]? PrivateAddresses { get; set; }

        public InstanceAuthentication? Authentication { get; set; }

        public List<string>? Firewalls { get; set; }

        public List<string>? StorageVolumeIds { get; set; }

        /// <summary>True the first time an element is met: the tree-based reading took the first of each.</summary>
        public bool First(Seen element)
        {
            if ((_seen & element) != 0)
            {
                return false;
            }

            _seen |= element;
            return true;
        }
    }

    /// <summary>
    /// Lists reused by every instance of one document: an instance keeps an array of exactly its links or addresses,
    /// where a list of its own cost an object and an array of four per list.
    /// </summary>
    private sealed class Scratch
    {
        public List<DeltacloudLink> Links { get; } = [];

        public List<InstanceAddress> Addresses { get; } = [];
    }
}
