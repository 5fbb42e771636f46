using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous.Tests;

public sealed class HttpsPinningTests
{
    [Fact]
    public async Task Fetch_OverHttpsPinnedToTheServersFingerprint_Succeeds()
    {
        using var certificate = CreateSelfSigned();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        var pin = CertificateFingerprint.Of(certificate);
        var (uuid, bootSecret) = await RegisterAsync(server);
        using var agent = server.CreateInstanceClient(pin);

        var fetched = await agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal("echo secure", fetched.Configuration.AsText());
    }

    [Fact]
    public async Task AppCache_OverHttpsPinned_RegistersAndReads()
    {
        using var certificate = CreateSelfSigned();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        using var app = new RendezvousConfigCache(Microsoft.Extensions.Options.Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = TestServer.ApiKey,
            PinnedCertificate = CertificateFingerprint.Of(certificate),
        }));
        var uuid = Guid.NewGuid();

        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), Secret.Generate()));

        Assert.NotNull(await app.GetAsync(uuid));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fetch_PinnedToAnotherCertificateOrUnpinned_IsRefusedWithATypedErrorAndNoRetry(bool pinAnother)
    {
        using var certificate = CreateSelfSigned();
        using var other = CreateSelfSigned();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        var (uuid, bootSecret) = await RegisterAsync(server);
        var retries = new RetryCountingLogger();
        using var agent = new RendezvousInstanceClient(server.BaseAddress, new RendezvousInstanceClientOptions
        {
            PinnedCertificate = pinAnother ? CertificateFingerprint.Of(other) : null,
            MaxRetryAttempts = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        }, retries);

        await Assert.ThrowsAsync<RendezvousTrustException>(() => agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate())));

        Assert.Equal(0, retries.Count);
        Assert.False((await server.Cache.GetAsync(uuid))!.IsClaimed);
    }

    private static async Task<(Guid Uuid, Secret BootSecret)> RegisterAsync(TestServer server)
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        await server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo secure"), bootSecret));
        return (uuid, bootSecret);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=rendezvous.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Re-imported so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    private sealed class RetryCountingLogger : ILogger<RendezvousInstanceClient>
    {
        private int _count;

        public int Count => _count;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 5001)
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
