namespace CloudConfig.Deltacloud.Embedded;

// The mock driver's seed data, copied from recordings of Deltacloud 1.1.3, so a client test passes against either server.
internal static class MockCatalog
{
    public static readonly EmbeddedImage[] Images =
    [
        new("img1", "Fedora 10", "fedoraproject", "x86_64"),
        new("img2", "Fedora 10", "fedoraproject", "i386"),
        new("img3", "JBoss", "mockuser", "i386"),
    ];

    public static readonly EmbeddedRealm[] Realms =
    [
        new("us", "United States"),
        new("eu", "Europe"),
    ];

    public static readonly EmbeddedHardwareProfile[] HardwareProfiles =
    [
        new("m1-small",
        [
            EmbeddedHardwareProperty.Fixed("cpu", "1"),
            EmbeddedHardwareProperty.Fixed("memory", "1740.8"),
            EmbeddedHardwareProperty.Fixed("storage", "160"),
            EmbeddedHardwareProperty.Fixed("architecture", "i386"),
        ]),
        new("m1-large",
        [
            EmbeddedHardwareProperty.Range("cpu", "1", "1", "6"),
            EmbeddedHardwareProperty.Range("memory", "10240", "7680", "15360"),
            EmbeddedHardwareProperty.Enum("storage", "850", "850", "1024"),
            EmbeddedHardwareProperty.Fixed("architecture", "x86_64"),
        ]),
        new("m1-xlarge",
        [
            EmbeddedHardwareProperty.Fixed("cpu", "4"),
            EmbeddedHardwareProperty.Range("memory", "12288", "12288", "32768"),
            EmbeddedHardwareProperty.Enum("storage", "1024", "1024", "2048", "4096"),
            EmbeddedHardwareProperty.Fixed("architecture", "x86_64"),
        ]),
        new("opaque", []),
    ];

    public const string TestKeyName = "test-key";

    public const string TestKeyFingerprint = "5e:ce:b6:dc:59:3b:5c:93:f8:2e:9d:20:ce:60:ca:f5:0b:8a:66:93";

    // Driver ids, display names and providers as GET /api/drivers lists them.
    public static readonly (string Id, string Name, string[] Providers)[] Drivers =
    [
        ("arubacloud", "Arubacloud", ["dc1", "dc2", "dc3", "dc4"]),
        ("azure", "Azure", []),
        ("condor", "Condor", []),
        ("digitalocean", "Digitalocean", []),
        ("ec2", "EC2", ["us-west-1", "us-west-2", "ap-southeast-1", "ap-northeast-1", "eu-west-1", "us-east-1", "sa-east-1"]),
        ("eucalyptus", "Eucalyptus", ["default"]),
        ("fgcp", "FGCP", ["jp-east", "au", "sg", "uk", "us", "de", "jp-west"]),
        ("gogrid", "Gogrid", []),
        ("google", "Google", []),
        ("mock", "Mock", []),
        ("opennebula", "Opennebula", []),
        ("openstack", "Openstack", []),
        ("profitbricks", "Profitbricks", []),
        ("rackspace", "Rackspace", []),
        ("rhevm", "RHEVM", []),
        ("rimuhosting", "RimuHosting", []),
        ("sbc", "SBC", []),
        ("terremark", "Terremark", []),
        ("vsphere", "VSphere", ["default"]),
    ];

    public static EmbeddedInstance[] SeedInstances(DateTimeOffset now) =>
    [
        Seed("inst0", "Mock Instance With Profile Change", "img1", "us", "m1-large", now) with
        {
            HardwareProfileOverrides = new Dictionary<string, string> { ["memory"] = "12288" },
            NetworkInterfaces = [],
        },
        Seed("inst1", "MockUserInstance", "img3", "us", "m1-small", now) with { NetworkInterfaces = ["nic1"] },
        Seed("inst2", "AnotherInstance", "img1", "us", "m1-large", now),
        Seed("inst3", string.Empty, "img3", "eu", "m1-small", now) with
        {
            KeyName = string.Empty,
            NetworkInterfaces = ["nicinst3"],
            CanCreateImage = false,

            // The mock's own data names inst3's addresses after its image, unlike inst1's (recording 052).
            PublicAddresses = ["img3.inst3.public.com"],
            PrivateAddresses = ["img3.inst3.private.com"],
        },
    ];

    private static EmbeddedInstance Seed(string id, string name, string image, string realm, string profile, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name,
        ImageId = image,
        RealmId = realm,
        HardwareProfileId = profile,
        State = EmbeddedInstanceState.Running,
        PublicAddresses = [$"img1.{id}.public.com"],
        PrivateAddresses = [$"img1.{id}.private.com"],
        AddressType = "hostname",
        CreatedAt = now,
    };
}
