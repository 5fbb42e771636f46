using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Deltacloud.Embedded;

internal static class Responses
{
    public const string FormatKey = "deltacloud.format";

    public const string PlainContentType = "text/html;charset=utf-8";

    private const string XmlDeclaration = "<?xml version='1.0' encoding='utf-8' ?>\n";

    // Plain characters such as ' and + stay as they are, as the real server writes them; the body is never embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<int, (string Message, string Error)> ErrorKinds = new()
    {
        [400] = ("Bad Request", "ValidationFailure"),
        [401] = ("Unauthorized", "AuthenticationFailure"),
        [403] = ("Forbidden", "ForbiddenError"),
        [404] = ("Not Found", "ObjectNotFound"),
        [405] = ("Method Not Allowed", "MethodNotAllowed"),
        [500] = ("DeltacloudErrorMessage", "BackendError"),
        [501] = ("Not Implemented", "NotImplemented"),
        [502] = ("ProviderErrorMessage", "ProviderError"),
        [504] = ("ProviderTimeoutMessage", "ProviderTimeout"),
    };

    public static ResponseFormat FormatOf(HttpContext context) =>
        context.Items[FormatKey] is ResponseFormat format ? format : ResponseFormat.Xml;

    public static string DefaultMessage(int status) => ErrorKinds[status].Message;

    /// <summary>Writes the body in the negotiated format; the entry point and the states omit the XML declaration, as the real server does.</summary>
    public static Task WriteAsync(HttpContext context, int status, Func<XElement> xml, Func<JsonNode> json, bool xmlDeclaration = true)
    {
        context.Response.StatusCode = status;
        if (FormatOf(context) == ResponseFormat.Json)
        {
            return WriteTextAsync(context, "application/json", json().ToJsonString(JsonOptions));
        }

        return WriteTextAsync(context, "application/xml", (xmlDeclaration ? XmlDeclaration : string.Empty) + xml().ToString() + "\n");
    }

    /// <summary>The bodies the real server sends outside both formats (missing parameter, failed forced authentication).</summary>
    public static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        return WriteTextAsync(context, PlainContentType, text);
    }

    public static Task ErrorAsync(HttpContext context, int status, IEnumerable<KeyValuePair<string, string>> parameters, string? message = null)
    {
        var server = context.RequestServices.GetRequiredService<ServerContext>();
        var (defaultMessage, error) = ErrorKinds[status];
        var text = message ?? defaultMessage;
        var provider = DriverSelection.Of(context).Provider ?? "default";
        return WriteAsync(
            context,
            status,
            () => XmlViews.Error(status, context.Request.Path, server.Options.Driver, provider, text, parameters),
            () => JsonViews.Error(status, text, error));
    }

    public static Task ErrorForIdAsync(HttpContext context, int status, string id) =>
        ErrorAsync(context, status, [new("id", id)]);

    public static Task HtmlNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return WriteTextAsync(context, PlainContentType, "<!DOCTYPE html>\n<html><body><h1>Not Found</h1></body></html>\n");
    }

    // With a Content-Length, as the real server sends, rather than chunked.
    private static Task WriteTextAsync(HttpContext context, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
