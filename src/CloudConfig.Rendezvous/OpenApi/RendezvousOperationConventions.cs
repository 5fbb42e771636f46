using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Puts a <see cref="RendezvousOperation"/> on an endpoint in the form ApiExplorer reads, so that
/// Microsoft.AspNetCore.OpenApi lists the route and generates its bodies' schemas (as shared components).
/// </summary>
internal static class RendezvousOperationConventions
{
    public static IEndpointConventionBuilder Describe(this IEndpointConventionBuilder builder, RendezvousOperation operation, RequestDelegate handler) =>
        builder.Describe(operation, handler.Method);

    public static IEndpointConventionBuilder Describe(this IEndpointConventionBuilder builder, RendezvousOperation operation, MethodInfo handler)
    {
        // ApiExplorer lists only endpoints whose metadata names the method that handles them; RequestDelegates carry none.
        builder.WithMetadata(operation, handler);
        if (operation.RequestBody is { } body)
        {
            builder.WithMetadata(new DescribedBody(body));
        }

        foreach (var response in operation.Responses.OrderBy(r => r.Status))
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(response.Status, response.Body ?? typeof(void), response.Body is null ? null : [response.MediaType]));
        }

        return builder;
    }

    // The body's type for the document only. With no content types listed, routing's AcceptsMatcherPolicy leaves the
    // endpoint alone, so a request of another media type still reaches the handler and gets its 415 problem.
    private sealed record DescribedBody(Type RequestType) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes => [];

        public bool IsOptional => false;
    }
}
