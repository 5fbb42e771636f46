using System.CommandLine;
using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>Where the server is and how to authenticate, from the options first and the environment second.</summary>
internal sealed class ConnectionSettings
{
    private ConnectionSettings(Uri server, ApiKey apiKey, CertificateFingerprint? pin)
    {
        Server = server;
        ApiKey = apiKey;
        PinnedCertificate = pin;
    }

    public Uri Server { get; }

    public ApiKey ApiKey { get; }

    public CertificateFingerprint? PinnedCertificate { get; }

    public static async Task<ConnectionSettings> ResolveAsync(ParseResult parse, GlobalOptions options, ToolConsole console, CancellationToken cancellationToken)
    {
        var server = ReadServer(parse.GetValue(options.Server) ?? console.GetEnvironmentVariable(EnvironmentVariables.Server));
        var pinText = parse.GetValue(options.ServerFingerprint) ?? NonEmpty(console.GetEnvironmentVariable(EnvironmentVariables.ServerFingerprint));
        CertificateFingerprint? pin = null;
        if (pinText is not null && !CertificateFingerprint.TryParse(pinText, out pin))
        {
            throw ToolFailureException.Usage("the server fingerprint must be 64 hex digits (the SHA-256 of the certificate).");
        }

        var apiKey = await ReadApiKeyAsync(parse.GetValue(options.ApiKeyFile), console, cancellationToken).ConfigureAwait(false);
        return new ConnectionSettings(server, apiKey, pin);
    }

    private static Uri ReadServer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ToolFailureException.Usage($"no server: pass --server URL or set {EnvironmentVariables.Server}.");
        }

        // The URL itself is not echoed: it might carry user information.
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw ToolFailureException.Usage("the server must be an absolute http or https URL, e.g. https://rendezvous.example:8443/.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw ToolFailureException.Usage("the server URL must not carry credentials; the API key goes in --api-key-file or the environment.");
        }

        // A base address without a trailing slash would lose its last path segment when routes are appended.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static async Task<ApiKey> ReadApiKeyAsync(string? fileOption, ToolConsole console, CancellationToken cancellationToken)
    {
        var file = fileOption ?? NonEmpty(console.GetEnvironmentVariable(EnvironmentVariables.ApiKeyFile));
        if (file is not null)
        {
            var bytes = await InputFiles.ReadAsync(file, ApiKey.MaxFileBytes, "the API key file", cancellationToken).ConfigureAwait(false);
            return ApiKey.From(Encoding.UTF8.GetString(bytes), $"the file {file}");
        }

        if (console.GetEnvironmentVariable(EnvironmentVariables.ApiKey) is { } value)
        {
            return ApiKey.From(value, EnvironmentVariables.ApiKey);
        }

        throw ToolFailureException.Usage($"no API key: pass --api-key-file FILE or set {EnvironmentVariables.ApiKey} (or {EnvironmentVariables.ApiKeyFile}).");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
