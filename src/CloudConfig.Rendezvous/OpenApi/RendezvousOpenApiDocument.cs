using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Serves the OpenAPI document at <see cref="RendezvousRoutes.OpenApi"/>: generated on the first request and kept as
/// bytes, so that asking for it again (or a flood of asking) costs no generation.
/// </summary>
internal sealed class RendezvousOpenApiDocument([FromKeyedServices(RendezvousOpenApi.DocumentName)] IOpenApiDocumentProvider provider)
{
    private readonly Lazy<Task<byte[]>> _json = new(async () =>
    {
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await document.SerializeAsJsonAsync(buffer, OpenApiSpecVersion.OpenApi3_1, CancellationToken.None).ConfigureAwait(false);
        return buffer.ToArray();
    });

    public async Task WriteAsync(HttpContext context)
    {
        var json = await _json.Value.ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = RendezvousHeaders.JsonMediaType;
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
