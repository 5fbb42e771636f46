namespace CloudConfig.Deltacloud.Embedded;

// Absolute links built from the bound address, as the real server builds them from its own.
internal sealed class Links(string root)
{
    public string Api { get; } = root + "/api";

    public string Collection(string name) => $"{Api}/{name}";

    public string Image(string id) => $"{Api}/images/{Escape(id)}";

    public string Realm(string id) => $"{Api}/realms/{Escape(id)}";

    public string Profile(string id) => $"{Api}/hardware_profiles/{Escape(id)}";

    public string Key(string name) => $"{Api}/keys/{Escape(name)}";

    public string Driver(string id) => $"{Api}/drivers/{Escape(id)}";

    public string Instance(string id) => $"{Api}/instances/{Escape(id)}";

    public string InstanceAction(string id, string action) => $"{Instance(id)}/{action}";

    public string InstanceRun(string id) => $"{Instance(id)}/run;id={Escape(id)}";

    public string CreateImage(string instanceId) => $"{Api}/images;instance_id={Escape(instanceId)}";

    public string CreateInstance(string imageId) => $"{Api}/instances;image_id={Escape(imageId)}";

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
