namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>The parity table: every client call the recordings show, in each format they were recorded in.</summary>
internal static class ParityCases
{
    // Created instances get address labels (127.1.x.y, 10.1.x.y, ipv4) on the embedded cloud where the mock
    // driver invents host names: the embedded README documents this. Seeded instances must match exactly.
    private static readonly string[] CreatedAddresses = [@"Addresses\[\d+\]\.(Value|Type)$"];

    // A create without a name gets i-<unix time>: the clock, not the parser, decides the value.
    private const string GeneratedName = @"^\$\.Name$";

    // Key material is fake on both servers, and random on the embedded one (its README), even for test-key.
    private const string Pem = @"\.PrivateKeyPem$";
    private static readonly string[] KeyMaterial = [@"\.Fingerprint$", Pem];

    private const string BootScript = "#!/bin/sh\necho 'hello from user_data' > /tmp/hello\n";

    private static readonly ParityCase[] Rows =
    [
        new("001", "entry point", t => Result(t.Client.GetEntryPointAsync())),
        new("002", "entry point", t => Result(t.Client.GetEntryPointAsync())),
        new("013", "list drivers", t => Result(t.Client.Drivers.ListAsync())),
        new("014", "list drivers", t => Result(t.Client.Drivers.ListAsync())),
        new("015", "get driver", t => Result(t.Client.Drivers.GetAsync("mock"))),
        new("016", "get driver", t => Result(t.Client.Drivers.GetAsync("mock"))),
        new("017", "list images", t => Result(t.Client.Images.ListAsync())),
        new("018", "list images", t => Result(t.Client.Images.ListAsync())),
        new("019", "list images by architecture", t => Result(t.Client.Images.ListAsync(new ImageQuery { Architecture = "i386" }))),
        new("020", "list images by architecture", t => Result(t.Client.Images.ListAsync(new ImageQuery { Architecture = "i386" }))),
        new("021", "list own images", t => Result(t.Client.Images.ListAsync(new ImageQuery { OwnerId = "self" }))),
        new("022", "list own images", t => Result(t.Client.Images.ListAsync(new ImageQuery { OwnerId = "self" }))),
        new("023", "get image", t => Result(t.Client.Images.GetAsync("img1"))),
        new("024", "get image", t => Result(t.Client.Images.GetAsync("img1"))),
        new("025", "unknown image: 404", t => Result(t.Client.Images.GetAsync("no-such-image"))),
        new("026", "unknown image: 404", t => Result(t.Client.Images.GetAsync("no-such-image"))),
        new("027", "list realms", t => Result(t.Client.Realms.ListAsync())),
        new("028", "list realms", t => Result(t.Client.Realms.ListAsync())),
        new("029", "get realm", t => Result(t.Client.Realms.GetAsync("us"))),
        new("030", "get realm", t => Result(t.Client.Realms.GetAsync("us"))),
        new("031", "unknown realm: 404", t => Result(t.Client.Realms.GetAsync("nowhere"))),
        new("032", "unknown realm: 404", t => Result(t.Client.Realms.GetAsync("nowhere"))),
        new("033", "list hardware profiles (fixed, range, enum, opaque)", t => Result(t.Client.HardwareProfiles.ListAsync())),
        new("034", "list hardware profiles (fixed, range, enum, opaque)", t => Result(t.Client.HardwareProfiles.ListAsync())),
        new("035", "get fixed hardware profile", t => Result(t.Client.HardwareProfiles.GetAsync("m1-small"))),
        new("036", "get fixed hardware profile", t => Result(t.Client.HardwareProfiles.GetAsync("m1-small"))),
        new("039", "get opaque hardware profile", t => Result(t.Client.HardwareProfiles.GetAsync("opaque"))),
        new("040", "get opaque hardware profile", t => Result(t.Client.HardwareProfiles.GetAsync("opaque"))),
        new("041", "unknown hardware profile: 404", t => Result(t.Client.HardwareProfiles.GetAsync("nope"))),
        new("042", "unknown hardware profile: 404", t => Result(t.Client.HardwareProfiles.GetAsync("nope"))),
        new("043", "instance states", t => Result(t.Client.InstanceStates.GetAsync())),
        new("044", "instance states", t => Result(t.Client.InstanceStates.GetAsync())),
        new("045", "list keys", t => Result(t.Client.Keys.ListAsync())) { Masked = [Pem] },
        new("046", "list keys", t => Result(t.Client.Keys.ListAsync())) { Masked = [Pem] },
        new("047", "get key", t => Result(t.Client.Keys.GetAsync("test-key"))) { Masked = [Pem] },
        new("048", "get key", t => Result(t.Client.Keys.GetAsync("test-key"))) { Masked = [Pem] },
        new("049", "create key", t => Result(t.Client.Keys.CreateAsync("reckey1"))) { Masked = KeyMaterial },
        new("050", "create existing key: 403", t => Result(t.Client.Keys.CreateAsync("reckey1"))) { Setup = ["049"] },
        new("051", "delete key", t => Done(t.Client.Keys.DeleteAsync("reckey1"))) { Setup = ["049"] },
        new("052", "list instances", t => Result(t.Client.Instances.ListAsync())),
        new("053", "list instances", t => Result(t.Client.Instances.ListAsync())),
        new("054", "list instances by state", t => Result(t.Client.Instances.ListAsync(new InstanceQuery { State = DeltacloudInstanceState.Stopped }))),
        new("055", "list instances by state", t => Result(t.Client.Instances.ListAsync(new InstanceQuery { State = DeltacloudInstanceState.Stopped }))),
        new("058", "get seeded instance", t => Result(t.Client.Instances.GetAsync("inst0"))),
        new("059", "get seeded instance", t => Result(t.Client.Instances.GetAsync("inst0"))),
        new("060", "unknown instance: 404", t => Result(t.Client.Instances.GetAsync("no-such-instance"))),
        new("061", "unknown instance: 404", t => Result(t.Client.Instances.GetAsync("no-such-instance"))),
        new("064", "create with user_data, name, realm, profile and key", t => Result(t.Client.Instances.CreateAsync(new CreateInstanceRequest("img1")
        {
            RealmId = "eu", HardwareProfileId = "m1-small", Name = "rec-xml-1", KeyName = "test-key", UserData = BootScript,
        }))) { Masked = CreatedAddresses },
        new("065", "get created instance", t => Result(t.Client.Instances.GetAsync("inst4"))) { Setup = ["064"], Masked = CreatedAddresses },
        new("066", "get created instance", t => Result(t.Client.Instances.GetAsync("inst4"))) { Setup = ["064"], Masked = CreatedAddresses },
        new("067", "stop", t => Action(t, "inst4", "stop")) { Setup = ["064"], Masked = CreatedAddresses },
        new("068", "stop when stopped: 405", t => Action(t, "inst4", "stop")) { Setup = ["064", "067"] },
        new("069", "start", t => Action(t, "inst4", "start")) { Setup = ["064", "067"], Masked = CreatedAddresses },
        new("070", "reboot", t => Action(t, "inst4", "reboot")) { Setup = ["064"], Masked = CreatedAddresses },
        new("071", "destroy when running: 405", t => Destroy(t, "inst4")) { Setup = ["064"] },
        new("072", "stop before destroy", t => Action(t, "inst4", "stop")) { Setup = ["064"], Masked = CreatedAddresses },
        new("073", "destroy", t => Destroy(t, "inst4")) { Setup = ["064", "072"] },
        new("074", "get destroyed instance: 404", t => Result(t.Client.Instances.GetAsync("inst4"))) { Setup = ["064", "072", "073"] },
        new("075", "create with profile overrides and user_data", t => Result(t.Client.Instances.CreateAsync(new CreateInstanceRequest("img3")
        {
            HardwareProfileId = "m1-large", Memory = "8192", Cpu = "2", Storage = "1024", Name = "rec-json-1", UserData = BootScript,
        }))) { Masked = CreatedAddresses },
        new("076", "get created instance with overrides", t => Result(t.Client.Instances.GetAsync("inst4"))) { Setup = ["075"], Masked = CreatedAddresses },
        new("078", "reboot", t => Action(t, "inst4", "reboot")) { Setup = ["075"], Masked = CreatedAddresses },
        new("079", "stop", t => Action(t, "inst4", "stop")) { Setup = ["075"], Masked = CreatedAddresses },
        new("081", "start", t => Action(t, "inst4", "start")) { Setup = ["075", "079"], Masked = CreatedAddresses },
        new("082", "stop again", t => Action(t, "inst4", "stop")) { Setup = ["075", "079", "081"], Masked = CreatedAddresses },
        new("083", "destroy", t => Destroy(t, "inst4")) { Setup = ["075", "079"] },
        new("084", "get destroyed instance: 404", t => Result(t.Client.Instances.GetAsync("inst4"))) { Setup = ["075", "079", "083"] },
        new("085", "create with defaults", t => Result(t.Client.Instances.CreateAsync(new CreateInstanceRequest("img2")))) { Masked = [GeneratedName, .. CreatedAddresses] },
        new("088", "create with unknown profile: 400", t => Result(t.Client.Instances.CreateAsync(new CreateInstanceRequest("img1") { HardwareProfileId = "no-such-hwp" }))),
        new("089", "create with unknown profile: 400", t => Result(t.Client.Instances.CreateAsync(new CreateInstanceRequest("img1") { HardwareProfileId = "no-such-hwp" }))),
        new("090", "create without image_id: 400", t => t.SendRawAsync(HttpMethod.Post, "/api/instances", ("name", "x"), ("realm_id", "us"))),
        new("091", "create without image_id: 400", t => t.SendRawAsync(HttpMethod.Post, "/api/instances", ("name", "x"), ("realm_id", "us"))),
        new("093", "list instances after three creates", t => Result(t.Client.Instances.ListAsync()))
        {
            // The recording session's two creates after 085 are not in the selection; the list shows what they sent.
            Setup = ["085", "POST /api/instances image_id=no-such-image", "POST /api/instances image_id=img1"],
            Masked = [@"^\$\[[4-6]\]\.Name$", @"^\$\[[4-6]\]\.(Public|Private)" + CreatedAddresses[0]],
        },
        new("098", "wrong password: 401", t => Result(t.Client.Instances.ListAsync())),
        new("099", "wrong password: 401", t => Result(t.Client.Instances.ListAsync())),
        new("100", "no credentials: 401", t => Result(t.Client.Instances.ListAsync())),
        new("101", "no credentials: 401", t => Result(t.Client.Instances.ListAsync())),
        new("105", "action on unknown instance: 403", t => Action(t, "no-such-instance", "stop")),
        new("108", "backend error: 500", t => Result(t.Client.Realms.GetAsync("500"))),
        new("109", "backend error: 500", t => Result(t.Client.Realms.GetAsync("500"))),
        new("112", "provider error: 502", t => Result(t.Client.Realms.GetAsync("502"))),
        new("113", "provider error: 502", t => Result(t.Client.Realms.GetAsync("502"))),
    ];

    public static IReadOnlyDictionary<string, ParityCase> ByRecording { get; } = Rows.ToDictionary(r => r.Recording);

    public static string UserDataSent => BootScript;

    private static async Task<object?> Result<T>(Task<T> call) => await call;

    private static async Task<object?> Done(Task call)
    {
        await call;
        return "done";
    }

    /// <summary>Follows the action's link from a view of the instance that lists it, as a client holding a stale view does.</summary>
    private static async Task<object?> Action(ParityTarget t, string id, string action) =>
        await t.Client.Instances.PerformActionAsync(View(t, id, action, "post", $"/api/instances/{id}/{action}"), action);

    private static Task<object?> Destroy(ParityTarget t, string id) =>
        Done(t.Client.Instances.DestroyAsync(View(t, id, InstanceActions.Destroy, "delete", $"/api/instances/{id}")));

    private static Instance View(ParityTarget t, string id, string rel, string method, string path) =>
        new(id, DeltacloudInstanceState.Running) { Actions = [new DeltacloudLink(rel, t.Origin + path, method)] };
}
