using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CloudConfig.Rendezvous;

// One operation, from the RendezvousOperation on its endpoint. The bodies' schemas are generated from the endpoint's
// metadata (RendezvousOperationConventions); this adds what metadata cannot say: the texts, parameters, headers and
// security.
internal static partial class RendezvousOpenApi
{
    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RendezvousOperation>().FirstOrDefault() is not { } described)
        {
            return Task.CompletedTask;
        }

        // HEAD answers like GET without a body, and every operation needs an id of its own.
        var head = string.Equals(context.Description.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase);
        operation.OperationId = head ? described.Id + "_head" : described.Id;
        operation.Summary = described.Summary;
        operation.Description = described.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(described.Tag, context.Document) };
        operation.Parameters = [.. PathParameters(context.Description.RelativePath), .. QueryAndHeaderParameters(described)];
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Description = "JSON in UTF-8 (no charset, or charset=utf-8); anything else gets 415.";
            body.Required = true;
        }

        foreach (var response in described.Responses)
        {
            if (operation.Responses?.TryGetValue(response.Status.ToString(CultureInfo.InvariantCulture), out var generated) == true && generated is OpenApiResponse answer)
            {
                Describe(answer, response, described.CacheControl, head);
            }
        }

        operation.Security = described.Security.Count == 0 ? [] :
            [.. described.Security.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiResponse answer, RendezvousResponse response, string cacheControl, bool head)
    {
        answer.Description = response.ProblemKinds.Count == 0 ? response.Description : $"{response.Description} errorKind: {string.Join(", ", response.ProblemKinds)}.";
        answer.Headers = new Dictionary<string, IOpenApiHeader> { ["Cache-Control"] = Header(cacheControl + ".") };
        foreach (var (name, description) in response.Headers)
        {
            answer.Headers[name] = Header(description);
        }

        if (head)
        {
            answer.Content = null;
        }
    }

    private static IEnumerable<OpenApiParameter> PathParameters(string? relativePath) =>
        RouteParameter().Matches(relativePath ?? "").Select(match => match.Groups[1].Value).Select(name => new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Path,
            Required = true,
            Description = name == "uuid" ? "The entry's uuid." : "The dynamic pool's name.",
            Schema = name == "uuid" ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" } : new OpenApiSchema { Type = JsonSchemaType.String },
        });

    private static IEnumerable<OpenApiParameter> QueryAndHeaderParameters(RendezvousOperation described) =>
    [
        .. described.Query.Select(query => new OpenApiParameter
        {
            Name = query.Name,
            In = ParameterLocation.Query,
            Description = query.Description,
            Schema = query.Type == "integer" ? new OpenApiSchema { Type = JsonSchemaType.Integer } : new OpenApiSchema { Type = JsonSchemaType.String, Format = query.Type == "uuid" ? "uuid" : null },
        }),
        .. described.Headers.Select(header => new OpenApiParameter
        {
            Name = header.Name,
            In = ParameterLocation.Header,
            Description = header.Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        }),
    ];

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex RouteParameter();
}
