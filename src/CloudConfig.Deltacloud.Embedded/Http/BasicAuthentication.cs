using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudConfig.Deltacloud.Embedded;

internal static class BasicAuthentication
{
    public static AuthenticationOutcome Check(HttpRequest request, EmbeddedDeltacloudOptions options)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticationOutcome.Missing;
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return AuthenticationOutcome.Invalid;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(value.Parameter);
        }
        catch (FormatException)
        {
            return AuthenticationOutcome.Invalid;
        }

        var expected = Encoding.UTF8.GetBytes(options.Username + ":" + options.Password);
        return CryptographicOperations.FixedTimeEquals(decoded, expected) ? AuthenticationOutcome.Valid : AuthenticationOutcome.Invalid;
    }

    public static string Challenge(EmbeddedDeltacloudOptions options) => $"Basic realm=\"{options.Driver}-deltacloud@localhost\"";
}
