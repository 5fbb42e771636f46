using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>Builds clients with fast retry settings so fault tests stay quick.</summary>
internal static class TestClients
{
    public static DeltacloudClient Create(Uri apiUrl, DeltacloudFormat format = DeltacloudFormat.Xml, Action<DeltacloudClientOptions>? configure = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null, ILogger? logger = null) =>
        new(
            handler is null ? HttpClientSource.OverOwned(new SocketsHttpHandler()) : HttpClientSource.Over(handler),
            Options(apiUrl, format, configure),
            timeProvider ?? TimeProvider.System,
            logger ?? NullLogger.Instance);

    public static DeltacloudClientOptions Options(Uri apiUrl, DeltacloudFormat format = DeltacloudFormat.Xml, Action<DeltacloudClientOptions>? configure = null)
    {
        var options = new DeltacloudClientOptions
        {
            BaseUrl = apiUrl,
            Username = "mockuser",
            Password = "mockpassword",
            Format = format,
            RequestTimeout = TimeSpan.FromSeconds(5),
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            WaitPollInitialDelay = TimeSpan.FromMilliseconds(5),
            WaitPollMaxDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return options;
    }
}
