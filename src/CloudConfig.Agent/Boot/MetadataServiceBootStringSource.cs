using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>
/// The user data from an EC2-style instance metadata service, with an IMDSv2 session token: the token request is
/// a PUT, which a forwarded request through a misconfigured proxy or a server-side request forgery cannot make.
/// What it answers is read with a limit; an answer that is not what IMDSv2 sends (a token that cannot be a header,
/// a body that is not UTF-8 or too large) makes the source unavailable, like an unreachable service.
/// </summary>
internal sealed class MetadataServiceBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public const string TokenPath = "/latest/api/token";
    public const string UserDataPath = "/latest/user-data";
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    public const string TokenHeader = "X-aws-ec2-metadata-token";

    // Real tokens are about 60 characters of base64.
    private const int MaxTokenBytes = 1024;

    public string Name => "metadata service " + (options.Value.MetadataServiceUrl?.ToString() ?? "(disabled)");

    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var value = options.Value;
        if (value.MetadataServiceUrl is not { } baseUrl)
        {
            return null;
        }

        // Never through a proxy: the metadata service is link-local and a proxy would see the token.
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = value.MetadataTimeout, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = value.MetadataTimeout };

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, new Uri(baseUrl, TokenPath));
        tokenRequest.Headers.Add(TokenTtlHeader, ((int)value.MetadataTokenTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        using var tokenResponse = await client.SendAsync(tokenRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        tokenResponse.EnsureSuccessStatusCode();
        var token = CheckToken((await ReadBodyAsync(tokenResponse, "The metadata service's token", MaxTokenBytes, cancellationToken).ConfigureAwait(false)).Trim());

        using var dataRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, UserDataPath));
        dataRequest.Headers.TryAddWithoutValidation(TokenHeader, token);
        using var dataResponse = await client.SendAsync(dataRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (dataResponse.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        dataResponse.EnsureSuccessStatusCode();
        return await ReadBodyAsync(dataResponse, "The metadata service's user data", BoundedText.MaxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, string what, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"{what} is over {maxBytes} bytes.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await BoundedText.ReadAsync(stream, what, cancellationToken, maxBytes).ConfigureAwait(false);
        }
    }

    // The token goes back as a header value, so it must be one: printable ASCII, no spaces or line breaks.
    private static string CheckToken(string token)
    {
        if (token.Length == 0 || token.Any(c => c is < '!' or > '~'))
        {
            throw new InvalidDataException("The metadata service sent a session token that cannot be sent back as a header (empty, or not printable ASCII).");
        }

        return token;
    }
}
