namespace CloudConfig.Deltacloud.Embedded;

// What the entry point advertises: only the collections this server serves, and the mock's instance features.
internal static class ApiDescription
{
    public const string Version = "1.1.3";

    public static readonly string[] Collections =
        ["drivers", "hardware_profiles", "images", "instance_states", "instances", "keys", "realms"];

    private static readonly (string Name, string Rel, string Param)[] MockInstanceFeatures =
    [
        ("metrics", "create", "metrics"),
        ("realm_filter", "index", "realm_id"),
        ("user_name", "create", "name"),
        ("authentication_key", "create", "keyname"),
    ];

    public static IEnumerable<(string Name, string Rel, string Param)> FeaturesOf(string collection, bool advertiseUserData)
    {
        if (collection != "instances")
        {
            return [];
        }

        return advertiseUserData ? [.. MockInstanceFeatures, ("user_data", "create", "user_data")] : MockInstanceFeatures;
    }
}
