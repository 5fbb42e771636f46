namespace CloudConfig.Deltacloud;

/// <summary>
/// The driver and provider as matrix parameters of the entry point's path segment, which the server reads from
/// every URL below it: <c>http://host/api;driver=ec2;provider=eu-west-1/instances/i-1/reboot</c>.
/// </summary>
internal static class DriverMatrix
{
    /// <summary>
    /// The URL with the selection after the entry point's path, or <see langword="null"/> when the URL is not below
    /// the entry point (a link to another host), where only headers can carry it.
    /// </summary>
    public static string? Insert(string url, Uri baseUrl, DeltacloudSelection selection)
    {
        var root = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!url.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = url[root.Length..];
        if (rest.Length > 0 && rest[0] is not ('/' or '?' or ';' or '#'))
        {
            return null;
        }

        return root + Parameter("driver", selection.Driver) + Parameter("provider", selection.Provider) + rest;
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
