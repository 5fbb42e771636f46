using System.Text.Json.Nodes;

namespace CloudConfig.Deltacloud.Embedded;

// Property names, nesting and value types follow the recordings of Deltacloud 1.1.3, oddities included
// (features as an array of arrays, hardware profile properties collapsed to default strings, a bare states array).
internal static partial class JsonViews
{
    public static JsonNode Api(Links links, ServerContext server, string? provider) => new JsonObject
    {
        ["api"] = new JsonObject
        {
            ["version"] = ApiDescription.Version,
            ["driver"] = server.Options.Driver,
            ["provider"] = provider ?? "default",
            ["links"] = Array(ApiDescription.Collections.Select(rel => new JsonObject
            {
                ["rel"] = rel,
                ["href"] = links.Collection(rel),
                ["features"] = Array(ApiDescription.FeaturesOf(rel, server.Options.AdvertiseUserData).Select(f => Array(
                [
                    new JsonObject
                    {
                        ["name"] = f.Name,
                        ["rel"] = f.Rel,
                        ["params"] = new JsonArray(JsonValue.Create($"{f.Param}:string:optional")),
                        ["constraints"] = new JsonObject(),
                    },
                ]))),
            })),
        },
    };

    public static JsonNode Error(int status, string message, string errorClass) => new JsonObject
    {
        ["code"] = status,
        ["message"] = message,
        ["error"] = "Deltacloud::Exceptions::" + errorClass,
    };

    public static JsonNode States() => Array(InstanceStateMachine.Diagram.Select(s => new JsonObject
    {
        ["name"] = s.State,
        ["transitions"] = Array(s.Transitions.Select(t => t.Action is null
            ? new JsonObject { ["to"] = t.To, ["auto"] = "true" }
            : new JsonObject { ["to"] = t.To, ["action"] = t.Action })),
    }));

    public static JsonNode Drivers()
    {
        var details = JsonNode.Parse(MockDriverDetails.Json)!.AsObject();
        var result = new JsonObject();
        foreach (var driver in MockCatalog.Drivers)
        {
            result[driver.Id] = details[driver.Id]?.DeepClone() ?? new JsonObject { ["name"] = driver.Name };
        }

        return result;
    }

    public static JsonNode Driver((string Id, string Name, string[] Providers) driver) =>
        new JsonObject { ["driver"] = new JsonObject { ["name"] = driver.Name, ["id"] = driver.Id } };

    public static JsonNode Keys(Links links, IEnumerable<KeyRecord> keys) => new JsonObject { ["keys"] = Array(keys.Select(k => KeyBody(links, k))) };

    public static JsonNode Key(Links links, KeyRecord key) => new JsonObject { ["key"] = KeyBody(links, key) };

    private static JsonObject KeyBody(Links links, KeyRecord key) => new()
    {
        ["id"] = key.Name,
        ["href"] = links.Key(key.Name),
        ["credential_type"] = "key",
        ["username"] = null,
        ["password"] = null,
        ["state"] = null,
        ["pem_rsa_key"] = key.Pem,
        ["fingerprint"] = key.Fingerprint,
    };

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
