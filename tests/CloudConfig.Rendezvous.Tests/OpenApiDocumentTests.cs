namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The protocol written down: the server serves an OpenAPI 3.1 document of every route, and the copy checked in at
/// docs/rendezvous.openapi.json is exactly what it serves.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string CheckedIn = "docs/rendezvous.openapi.json";
    private const string UpdateVariable = "CLOUDCONFIG_UPDATE_OPENAPI";

    [Fact]
    public async Task CheckedInDocument_IsWhatTheServerServes()
    {
        var served = (await ServedOpenApi.ServeAsync()).Text;
        var path = Path.Combine(RepositoryRoot(), CheckedIn);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(checkedIn == served, $"""
            {CheckedIn} differs from what the server serves at /v1/openapi.json; first differences:
            {LineDiff.FirstDifferences(checkedIn, served, 20)}
            If the change to the protocol is intended, regenerate the copy and commit it:
              {UpdateVariable}=1 dotnet test tests/CloudConfig.Rendezvous.Tests -c Release --filter FullyQualifiedName~OpenApiDocumentTests
            """);
    }

    [Fact]
    public async Task Document_DescribesEveryRouteWithItsStatusesProblemsHeadersAndSecurity()
    {
        var document = (await ServedOpenApi.ServeAsync()).Document;

        Assert.StartsWith("3.1", (string)document["openapi"]!, StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            [
                "/v1/entries", "/v1/entries/{uuid}", "/v1/entries/{uuid}/configuration", "/v1/health", "/v1/health/live", "/v1/health/ready",
                "/v1/instances/{uuid}/configuration", "/v1/instances/{uuid}/configuration/updates", "/v1/instances/{uuid}/report",
                "/v1/maintenance/remove-stale", "/v1/openapi.json", "/v1/pools/{pool}/assignments",
            ],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        // 14 routes, and HEAD on the three health routes.
        Assert.Equal(17, operations.Count);
        Assert.Equal(17, operations.Select(o => (string?)o.Operation["operationId"]).Distinct().Count(id => !string.IsNullOrEmpty(id)));
        Assert.All(operations, o => Assert.Contains((string)o.Operation["tags"]![0]!, new[] { "instance", "app", "operations" }));

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal(["Bearer", "CloudConfig-Boot", "CloudConfig-Pool", "CloudConfig-Trust"], schemes.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(operations.Where(o => o.Path.StartsWith("/v1/entries", StringComparison.Ordinal) || o.Path.StartsWith("/v1/maintenance", StringComparison.Ordinal)),
            o => Assert.Equal("Bearer", o.Operation["security"]![0]!.AsObject().Single().Key));

        var fetch = paths["/v1/instances/{uuid}/configuration"]!["get"]!;
        Assert.Equal(["CloudConfig-Boot", "CloudConfig-Trust"], fetch["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)));
        Assert.Equal("path", (string?)fetch["parameters"]![0]!["in"]);
        Assert.NotNull(fetch["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Equal("#/components/schemas/InstanceConfigurationMessage", (string?)fetch["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/ProblemMessage", (string?)fetch["responses"]!["404"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.NotNull(fetch["responses"]!["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(fetch["responses"]!["401"]!["headers"]!["WWW-Authenticate"]);

        var register = paths["/v1/entries"]!["post"]!;
        Assert.Equal("#/components/schemas/RegistrationMessage", (string?)register["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal(["201", "400", "401", "409", "413", "415", "429", "503", "507"], register["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(register["responses"]!["201"]!["headers"]!["Location"]);

        var poll = paths["/v1/instances/{uuid}/configuration/updates"]!["get"]!;
        Assert.Equal(["uuid", "after", "timeoutMs", "If-None-Match"], poll["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Null(poll["responses"]!["204"]!["content"]);
        Assert.NotNull(poll["responses"]!["503"]!["headers"]!["Retry-After"]);

        Assert.Empty(paths["/v1/health/ready"]!["get"]!["security"]!.AsArray());
        Assert.Null(paths["/v1/health/ready"]!["head"]!["responses"]!["200"]!["content"]);

        var schemas = document["components"]!["schemas"]!;
        Assert.Equal(["invalid-input", "too-large", "unauthorized", "not-found", "already-exists", "no-dynamic-entry", "unsupported-media-type", "rate-limited", "unavailable", "cache-full", "refused", "internal"],
            schemas["ProblemMessage"]!["properties"]!["errorKind"]!["enum"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["base64", "contentType"], schemas["ConfigurationContent"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/ConfigurationContent", (string?)schemas["RegistrationMessage"]!["properties"]!["configuration"]!["$ref"]);
        Assert.Contains("sha256:", (string?)schemas["RegistrationMessage"]!["properties"]!["credentialHash"]!["description"], StringComparison.Ordinal);
        // Numbers are never read from strings (the serializer is strict), and a parameter value is a plain JSON value.
        Assert.Equal("integer", (string?)schemas["EntryMessage"]!["properties"]!["generation"]!["type"]);
        Assert.Null(schemas["ParameterValue"]!["properties"]);
        Assert.Equal(["boolean", "integer", "number", "string"], schemas["ParameterValue"]!["type"]!.AsArray().Select(t => (string)t!));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudConfig.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CloudConfig.sln) was not found above " + AppContext.BaseDirectory);
    }
}
