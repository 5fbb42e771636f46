using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>
/// The user data from an EC2-style instance metadata service, with an IMDSv2 session token: the token request is
/// a PUT, which a forwarded request through a misconfigured proxy or a server-side request forgery cannot make.
/// </summary>
internal sealed class MetadataServiceBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public const string TokenPath = "/latest/api/token";
    public const string UserDataPath = "/latest/user-data";
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    public const string TokenHeader = "X-aws-ec2-metadata-token";

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
        using var tokenResponse = await client.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();

        using var dataRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, UserDataPath));
        dataRequest.Headers.Add(TokenHeader, token);
        using var dataResponse = await client.SendAsync(dataRequest, cancellationToken).ConfigureAwait(false);
        if (dataResponse.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        dataResponse.EnsureSuccessStatusCode();
        return await dataResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
