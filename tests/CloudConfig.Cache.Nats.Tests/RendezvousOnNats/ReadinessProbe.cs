using System.Net;

namespace CloudConfig.Cache.Nats.Tests.RendezvousOnNats;

/// <summary>Asks a rendezvous server's <c>/v1/health/ready</c> until it answers a status, within <see cref="Eventually.Deadline"/>.</summary>
internal static class ReadinessProbe
{
    public const string Path = "/v1/health/ready";

    public static Task WaitForAsync(HttpClient http, HttpStatusCode expected) =>
        Eventually.TrueAsync(async () => await StatusAsync(http) == expected, $"{Path} answers {(int)expected}");

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Path);
        return response.StatusCode;
    }
}
