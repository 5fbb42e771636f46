namespace CloudConfig.Deltacloud;

/// <summary>Feature names Deltacloud 1.1 drivers advertise on the <c>instances</c> collection.</summary>
public static class DeltacloudFeatureNames
{
    /// <summary>The driver accepts <c>user_data</c> on create.</summary>
    public const string UserData = "user_data";

    /// <summary>The driver accepts <c>user_files</c>.</summary>
    public const string UserFiles = "user_files";

    /// <summary>The driver accepts <c>user_iso</c>.</summary>
    public const string UserIso = "user_iso";

    /// <summary>The driver accepts <c>name</c> on create.</summary>
    public const string UserName = "user_name";

    /// <summary>The driver accepts <c>keyname</c>.</summary>
    public const string AuthenticationKey = "authentication_key";

    /// <summary>The driver accepts <c>password</c>.</summary>
    public const string AuthenticationPassword = "authentication_password";

    /// <summary>The driver accepts <c>firewalls1…N</c>.</summary>
    public const string Firewalls = "firewalls";

    /// <summary>The list can be filtered by <c>realm_id</c>.</summary>
    public const string RealmFilter = "realm_filter";

    /// <summary>The driver accepts hardware profile overrides.</summary>
    public const string HardwareProfiles = "hardware_profiles";

    /// <summary>The driver accepts <c>instance_count</c>.</summary>
    public const string InstanceCount = "instance_count";
}
