using System.Net.Http.Headers;
using System.Text;

namespace CloudConfig.Deltacloud.Embedded.Tests;

internal static class TestCloud
{
    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(30);

    public static Task<EmbeddedDeltacloud> StartAsync(Action<EmbeddedDeltacloudOptions>? configure = null)
    {
        var options = new EmbeddedDeltacloudOptions();
        configure?.Invoke(options);
        return EmbeddedDeltacloud.StartAsync(options);
    }

    /// <summary>A client rooted at the server (not at /api), authenticated unless asked otherwise.</summary>
    public static HttpClient Client(EmbeddedDeltacloud cloud, string accept = "application/xml", bool authenticate = true)
    {
        var client = new HttpClient { BaseAddress = new Uri(cloud.ApiUrl.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        if (authenticate)
        {
            client.DefaultRequestHeaders.Authorization = Basic(cloud.Username, cloud.Password);
        }

        return client;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
