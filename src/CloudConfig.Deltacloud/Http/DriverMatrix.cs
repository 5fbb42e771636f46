namespace CloudConfig.Deltacloud;

/// <summary>
/// The driver and provider as matrix parameters of the entry point's path segment, which the server reads from
/// every URL below it: <c>http://host/api;driver=ec2;provider=eu-west-1/instances/i-1/reboot</c>.
/// </summary>
internal static class DriverMatrix
{
    /// <summary>
    /// The URL with the selection after the entry point's path, or <see langword="null"/> when the URL's path is not
    /// below the entry point's, where only headers can carry it. Only the path is compared: a server may write its
    /// links with another host name than the one the client was given.
    /// </summary>
    public static string? Insert(string url, Uri baseUrl, DeltacloudSelection selection)
    {
        var schemeEnd = url.IndexOf("//", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : url.IndexOf('/', schemeEnd + 2);
        if (pathStart < 0)
        {
            return null;
        }

        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var path = url[pathStart..];
        if (!path.StartsWith(basePath, StringComparison.Ordinal)
            || (path.Length > basePath.Length && path[basePath.Length] is not ('/' or '?' or ';' or '#')))
        {
            return null;
        }

        return url[..pathStart] + basePath + Parameter("driver", selection.Driver) + Parameter("provider", selection.Provider) + path[basePath.Length..];
    }

    /// <summary>The same selection in the query form the server also reads (<c>api[driver]</c>, <c>api[provider]</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryForm(DeltacloudSelection selection)
    {
        if (selection.Driver is not null)
        {
            yield return new("api[driver]", selection.Driver);
        }

        if (selection.Provider is not null)
        {
            yield return new("api[provider]", selection.Provider);
        }
    }

    private static string Parameter(string name, string? value) => value is null ? string.Empty : $";{name}={Uri.EscapeDataString(value)}";
}
