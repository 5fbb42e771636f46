using System.Text.Json.Nodes;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The OpenAPI 3.1 document of the rendezvous API (Microsoft.AspNetCore.OpenApi): its own document, holding the
/// rendezvous routes only, each described by the <see cref="RendezvousOperation"/> on its endpoint.
/// </summary>
internal static partial class RendezvousOpenApi
{
    public const string DocumentName = "cloudconfig-rendezvous";

    private const string ApiDescription =
        "The CloudConfig rendezvous server: instances fetch their configuration, report back and long-poll for updates, "
        + "proving a credential for their own entry only; the app registers, reads, updates and removes entries with its API key. "
        + "Credentials travel only in the Authorization header. Every error is an RFC 7807 problem (application/problem+json) "
        + "with a stable type (urn:cloudconfig:problem:<errorKind>) and errorKind. Every answer carries Cache-Control: no-store.";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.GroupName == DocumentName;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "CloudConfig rendezvous", Version = "v1", Description = ApiDescription };
            // The document is the same wherever the server listens, so that a checked-in copy can be compared with it.
            document.Servers = [];
            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = RendezvousOperations.Instance, Description = "Called by the agent on an instance, with the credential of its own entry." },
                new() { Name = RendezvousOperations.App, Description = "Called by the app, with its API key." },
                new() { Name = RendezvousOperations.Operations, Description = "Health probes and this document; no credential." },
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = SecuritySchemes();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(DescribeOperationAsync);
        options.AddSchemaTransformer(DescribeSchema);
    }

    private static Dictionary<string, IOpenApiSecurityScheme> SecuritySchemes() => new()
    {
        [RendezvousHeaders.BootScheme] = Scheme(RendezvousHeaders.BootScheme, "First contact: `CloudConfig-Boot <bootSecret> <trustKey>` (one space between parts). The boot secret is the last part of the boot string; the trust key is chosen by the agent (base64url, 128 bits or more) and proves it from then on."),
        [RendezvousHeaders.TrustScheme] = Scheme(RendezvousHeaders.TrustScheme, "Every later call of an agent: `CloudConfig-Trust <trustKey>`."),
        [RendezvousHeaders.PoolScheme] = Scheme(RendezvousHeaders.PoolScheme, "An agent without a boot string claiming from a dynamic pool: `CloudConfig-Pool <poolCredential> <trustKey>`."),
        [RendezvousHeaders.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The app's API key: `Bearer <apiKey>`. Never accepted from an instance credential, and no instance credential is accepted in its place.",
        },
    };

    private static OpenApiSecurityScheme Scheme(string name, string description) =>
        new() { Type = SecuritySchemeType.Http, Scheme = name, Description = description };

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // The schemas come from the host's JSON options, which may read numbers from strings; the rendezvous
        // serializer never does (RendezvousJsonContext: NumberHandling.Strict).
        if (schema.Type is { } kinds && kinds.HasFlag(JsonSchemaType.String) && (kinds.HasFlag(JsonSchemaType.Integer) || kinds.HasFlag(JsonSchemaType.Number)) && schema.Pattern is not null)
        {
            schema.Type = kinds & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(CloudConfig.Core.ConfigurationContent))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = "An opaque configuration: its media type and its bytes in base64.";
            schema.Required = new HashSet<string> { "contentType", "base64" };
            schema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["contentType"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "For example text/x-shellscript." },
                ["base64"] = new OpenApiSchema { Type = JsonSchemaType.String, ContentEncoding = "base64", Description = "The configuration's bytes." },
            };
        }
        else if (type == typeof(CloudConfig.Core.ParameterValue))
        {
            // Written by a converter: its public properties are not what travels.
            schema.Type = JsonSchemaType.String | JsonSchemaType.Boolean | JsonSchemaType.Integer | JsonSchemaType.Number;
            schema.Properties = null;
            schema.Required = null;
            schema.Description = "A parameter's value, its kind kept exactly: a string, a boolean, an integer (all 64 bits, written without fraction or exponent) or a number (always written with a fraction or exponent); never NaN or an infinity.";
        }
        else if (type == typeof(CloudConfig.Core.InstanceState))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. new[] { "registered", "configuring", "configured", "failed" }.Select(name => (JsonNode)JsonValue.Create(name))];
            schema.Description = "An instance's state; a name this server does not know reads as unknown.";
        }
        else if (type == typeof(ProblemMessage) && schema.Properties?.TryGetValue("errorKind", out var kind) == true && kind is OpenApiSchema errorKind)
        {
            errorKind.Enum = [.. ProblemKinds.Select(name => (JsonNode)JsonValue.Create(name))];
        }

        return Task.CompletedTask;
    }

    private static readonly string[] ProblemKinds =
    [
        RendezvousProblemKinds.InvalidInput, RendezvousProblemKinds.TooLarge, RendezvousProblemKinds.Unauthorized, RendezvousProblemKinds.NotFound,
        RendezvousProblemKinds.AlreadyExists, RendezvousProblemKinds.NoDynamicEntry, RendezvousProblemKinds.UnsupportedMediaType,
        RendezvousProblemKinds.RateLimited, RendezvousProblemKinds.Unavailable, RendezvousProblemKinds.CacheFull, RendezvousProblemKinds.Refused, RendezvousProblemKinds.Internal,
    ];
}
