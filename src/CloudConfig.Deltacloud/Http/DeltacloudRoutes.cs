namespace CloudConfig.Deltacloud;

/// <summary>Every collection rel, parameter and header name the client uses, in one place.</summary>
internal static class DeltacloudRoutes
{
    public const string Instances = "instances";
    public const string Images = "images";
    public const string Realms = "realms";
    public const string HardwareProfiles = "hardware_profiles";
    public const string Keys = "keys";
    public const string InstanceStates = "instance_states";
    public const string Drivers = "drivers";

    public const string DriverHeader = "X-Deltacloud-Driver";
    public const string ProviderHeader = "X-Deltacloud-Provider";
    public const string ForceAuth = "force_auth";

    public const string DestroyRel = "destroy";
    public const string CreateInstanceRel = "create_instance";

    /// <summary>The URL of one member of a collection.</summary>
    public static string Member(string collectionUrl, string id) => $"{collectionUrl.TrimEnd('/')}/{Uri.EscapeDataString(id)}";

    public static class InstanceParams
    {
        public const string Id = "id";
        public const string State = "state";
        public const string RealmId = "realm_id";
        public const string ImageId = "image_id";
        public const string HardwareProfileId = "hwp_id";
        public const string Memory = "hwp_memory";
        public const string Cpu = "hwp_cpu";
        public const string Storage = "hwp_storage";
        public const string Architecture = "hwp_architecture";
        public const string Name = "name";
        public const string KeyName = "keyname";
        public const string UserData = "user_data";
        public const string Password = "password";
        public const string FirewallPrefix = "firewalls";
        public const string InstanceCount = "instance_count";
        public const string LoadBalancerId = "load_balancer_id";
        public const string UserFiles = "user_files";
        public const string UserIso = "user_iso";
    }

    public static class ImageParams
    {
        public const string Architecture = "architecture";
        public const string OwnerId = "owner_id";
    }

    public static class KeyParams
    {
        public const string Name = "name";
    }
}
