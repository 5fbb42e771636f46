using System.Collections;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>Maps each recorded request to the client call that sends it, and says what the answer must become.</summary>
internal static class RecordingCalls
{
    private const string Done = "done";

    public static Func<DeltacloudClient, Task<object?>> For(RecordedExchange e, string serverUrl)
    {
        var segments = e.PathOnly.Trim('/').Split('/');
        var collection = segments.Length > 1 ? segments[1] : null;
        var id = segments.Length > 2 ? Uri.UnescapeDataString(segments[2]) : null;
        var action = segments.Length > 3 ? segments[3] : null;
        var query = e.QueryParams.ToDictionary(p => p.Key, p => p.Value);

        return (e.Method, collection) switch
        {
            ("OPTIONS", null) => async c => await c.GetAllowedMethodsAsync(),
            ("GET", null) when query.ContainsKey("force_auth") => async c => await c.ValidateCredentialsAsync(),
            ("GET", null) => async c => await c.GetEntryPointAsync(),
            ("GET", "drivers") => id is null ? async c => await c.Drivers.ListAsync() : async c => await c.Drivers.GetAsync(id),
            ("GET", "images") => id is null
                ? async c => await c.Images.ListAsync(new ImageQuery { Architecture = query.GetValueOrDefault("architecture"), OwnerId = query.GetValueOrDefault("owner_id") })
                : async c => await c.Images.GetAsync(id),
            ("GET", "realms") => id is null ? async c => await c.Realms.ListAsync() : async c => await c.Realms.GetAsync(id),
            ("GET", "hardware_profiles") => id is null ? async c => await c.HardwareProfiles.ListAsync() : async c => await c.HardwareProfiles.GetAsync(id),
            ("GET", "instance_states") => async c => await c.InstanceStates.GetAsync(),
            ("GET", "keys") => id is null ? async c => await c.Keys.ListAsync() : async c => await c.Keys.GetAsync(id),
            ("POST", "keys") => async c => await c.Keys.CreateAsync(Form(e)["name"]),
            ("DELETE", "keys") => async c => { await c.Keys.DeleteAsync(id!); return Done; },
            ("HEAD", "instances") => async c => await c.IsCollectionAvailableAsync("instances"),
            ("OPTIONS", "instances") => async c => await c.GetAllowedMethodsAsync("instances"),
            ("GET", "instances") => id is null
                ? async c => await c.Instances.ListAsync(new InstanceQuery { State = query.TryGetValue("state", out var s) ? new DeltacloudInstanceState(s) : null })
                : async c => await c.Instances.GetAsync(id),
            ("POST", "instances") when id is null => async c => await c.Instances.CreateAsync(CreateRequest(e)),
            ("POST", "instances") => async c => await c.Instances.PerformActionAsync(StaleView(id!, action!, "post", serverUrl + e.PathOnly), action!),
            ("DELETE", "instances") => async c => { await c.Instances.DestroyAsync(StaleView(id!, "destroy", "delete", serverUrl + e.PathOnly)); return Done; },
            _ => throw new InvalidOperationException($"No client call for {e.Method} {e.Path}"),
        };
    }

    /// <summary>The typed error the recorded answer must raise, or null when it must parse.</summary>
    public static Type? ExpectedError(RecordedExchange e)
    {
        if (e.Status == 200 && e.ResponseHeader("Content-Type") == "text/html" && e.Method == "GET")
        {
            return typeof(DeltacloudProtocolException);
        }

        if (e.Status == 401 && e.QueryParams.Any(p => p.Key == "force_auth"))
        {
            return null;
        }

        return e.Status switch
        {
            < 400 => null,
            400 => typeof(DeltacloudValidationException),
            401 => typeof(DeltacloudAuthenticationException),
            403 => typeof(DeltacloudForbiddenException),
            404 => typeof(DeltacloudNotFoundException),
            405 => typeof(DeltacloudInvalidStateException),
            500 => typeof(DeltacloudBackendException),
            502 => typeof(DeltacloudProviderException),
            _ => throw new InvalidOperationException($"No expected error for {e.Status}"),
        };
    }

    public static void AssertResult(RecordedExchange e, object? result)
    {
        switch (result)
        {
            case DeltacloudEntryPoint entry:
                Assert.Equal("1.1.3", entry.Version);
                Assert.Equal("mock", entry.Driver);
                Assert.Contains(entry.Collections, c => c.Rel == "instances" && c.Href.EndsWith("/api/instances", StringComparison.Ordinal));
                Assert.Equal(e.RequestHeader("X-Deltacloud-Provider") ?? (e.Format == DeltacloudFormat.Json || e.Path.Contains("format=json", StringComparison.Ordinal) ? "default" : null), entry.Provider);
                break;
            case bool flag:
                Assert.Equal(e.Status == 200, flag);
                break;
            case IReadOnlyList<string> allowed:
                Assert.Equal(e.ResponseHeader("Allow")!.Split(','), allowed);
                break;
            case string done:
                Assert.Equal(Done, done);
                Assert.Equal(204, e.Status);
                break;
            case IList list:
                Assert.Equal(ExpectedCount(e), list.Count);
                break;
            case Instance instance:
                Assert.Equal(ExpectedId(e), instance.Id);
                Assert.True(instance.State.IsKnown);
                break;
            case Image image:
                Assert.Equal(ExpectedId(e), image.Id);
                break;
            case Realm realm:
                Assert.Equal(ExpectedId(e), realm.Id);
                break;
            case HardwareProfile profile:
                Assert.Equal(ExpectedId(e), profile.Id);
                break;
            case Key key:
                Assert.Equal(ExpectedId(e), key.Id);
                break;
            case Driver driver:
                Assert.Equal(ExpectedId(e), driver.Id);
                break;
            default:
                Assert.Fail($"Unexpected result {result} for {e.File}");
                break;
        }
    }

    private static string ExpectedId(RecordedExchange e) =>
        (e.ResponseHeader("Location") ?? e.PathOnly.Replace("/stop", string.Empty, StringComparison.Ordinal)
            .Replace("/start", string.Empty, StringComparison.Ordinal).Replace("/reboot", string.Empty, StringComparison.Ordinal)).Split('/')[^1];

    /// <summary>Counts the items of a recorded list body independently of the client's parsers.</summary>
    private static int ExpectedCount(RecordedExchange e)
    {
        var body = e.ResponseBody!;
        if (e.ResponseHeader("Content-Type")!.Contains("xml", StringComparison.Ordinal))
        {
            return XDocument.Parse(body).Root!.Elements().Count();
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.GetArrayLength();
        }

        var first = root.EnumerateObject().First().Value;
        return first.ValueKind == JsonValueKind.Array ? first.GetArrayLength() : root.EnumerateObject().Count();
    }

    private static Dictionary<string, string> Form(RecordedExchange e) =>
        (e.RequestBody ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static CreateInstanceRequest CreateRequest(RecordedExchange e)
    {
        var f = Form(e);
        return new CreateInstanceRequest(f.GetValueOrDefault("image_id") ?? "img1")
        {
            RealmId = f.GetValueOrDefault("realm_id"),
            HardwareProfileId = f.GetValueOrDefault("hwp_id"),
            Memory = f.GetValueOrDefault("hwp_memory"),
            Cpu = f.GetValueOrDefault("hwp_cpu"),
            Storage = f.GetValueOrDefault("hwp_storage"),
            Name = f.GetValueOrDefault("name"),
            KeyName = f.GetValueOrDefault("keyname"),
            UserData = f.TryGetValue("user_data", out var data) ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : null,
        };
    }

    /// <summary>An instance view that lists the recorded action, as a client holding a stale view would.</summary>
    private static Instance StaleView(string id, string rel, string method, string href) =>
        new(id, DeltacloudInstanceState.Running) { Actions = [new DeltacloudLink(rel, href, method)] };
}
