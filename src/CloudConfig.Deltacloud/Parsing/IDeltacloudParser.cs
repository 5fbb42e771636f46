namespace CloudConfig.Deltacloud;

/// <summary>Turns one representation (XML or JSON) into the shared model. List parsers accept a single item too.</summary>
internal interface IDeltacloudParser
{
    DeltacloudEntryPoint ParseEntryPoint(string body);

    IReadOnlyList<Instance> ParseInstances(string body);

    IReadOnlyList<Image> ParseImages(string body);

    IReadOnlyList<Realm> ParseRealms(string body);

    IReadOnlyList<HardwareProfile> ParseHardwareProfiles(string body);

    IReadOnlyList<Key> ParseKeys(string body);

    IReadOnlyList<Driver> ParseDrivers(string body);

    IReadOnlyList<InstanceStateDefinition> ParseInstanceStates(string body);
}
