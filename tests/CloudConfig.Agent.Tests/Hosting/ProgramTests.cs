using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Agent.Host;
using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Hosting;

public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] Isolated(params string[] more) =>
    [
        "--state-dir", _temp.File("state"), "--boot-env", "", "--user-data-file", "none", "--metadata-url", "none", "--cmdline-file", "none", .. more,
    ];

    [Fact]
    public async Task Main_NoBootString_ExitsWith3()
    {
        Assert.Equal(ConfigAgentExitCodes.NoBootString, await Program.Main(Isolated()));
        Assert.False(Directory.Exists(_temp.File("state")));
    }

    [Fact]
    public async Task Main_UnknownArgument_ExitsWith2() =>
        Assert.Equal(ConfigAgentExitCodes.InvalidOptions, await Program.Main(Isolated("--frobnicate")));

    [Fact]
    public async Task Main_InvalidOptions_ExitsWith2() =>
        Assert.Equal(ConfigAgentExitCodes.InvalidOptions, await Program.Main(Isolated("--boot-string", "not a boot string")));

    [Fact]
    public async Task Main_Help_ExitsWith0() =>
        Assert.Equal(ConfigAgentExitCodes.Ok, await Program.Main(["--help"]));

    [Fact]
    public async Task Main_Version_ExitsWith0() =>
        Assert.Equal(ConfigAgentExitCodes.Ok, await Program.Main(["--version"]));

    [Fact]
    public async Task Main_MissingValue_ExitsWith2() =>
        Assert.Equal(ConfigAgentExitCodes.InvalidOptions, await Program.Main(Isolated("--request-timeout")));

    public static TheoryData<string, int> AgentErrors => new()
    {
        { nameof(BootStringNotFoundException), ConfigAgentExitCodes.NoBootString },
        { nameof(ConfigAgentAuthenticationException), ConfigAgentExitCodes.CredentialRefused },
        { nameof(ConfigAgentTrustException), ConfigAgentExitCodes.CertificateRefused },
        { nameof(ConfigAgentCredentialException), ConfigAgentExitCodes.CredentialUnsendable },
        { nameof(ConfigAgentRefusedException), ConfigAgentExitCodes.RequestRefused },
        { nameof(ConfigurationRefusedException), ConfigAgentExitCodes.ConfigurationRefused },
        { nameof(ConfigAgentAlreadyRunningException), ConfigAgentExitCodes.AlreadyRunning },
        { nameof(ConfigAgentException), ConfigAgentExitCodes.UnexpectedError },
    };

    [Theory]
    [MemberData(nameof(AgentErrors))]
    public void ExitCodeFor_EachAgentError_IsItsDocumentedCode(string error, int expected)
    {
        var cause = new InvalidOperationException("cause.");
        ConfigAgentException exception = error switch
        {
            nameof(BootStringNotFoundException) => new BootStringNotFoundException([]),
            nameof(ConfigAgentAuthenticationException) => new ConfigAgentAuthenticationException("fetch", Guid.NewGuid()),
            nameof(ConfigAgentTrustException) => new ConfigAgentTrustException("fetch", new RendezvousEndpoint(RendezvousAddress.Parse("127.0.0.1:1"))),
            nameof(ConfigAgentCredentialException) => new ConfigAgentCredentialException("fetch", cause),
            nameof(ConfigAgentRefusedException) => new ConfigAgentRefusedException("fetch", cause),
            nameof(ConfigurationRefusedException) => new ConfigurationRefusedException("generation 0."),
            nameof(ConfigAgentAlreadyRunningException) => new ConfigAgentAlreadyRunningException("/tmp/state"),
            _ => new ConfigAgentException("unexpected."),
        };

        Assert.Equal(expected, ConfigAgentExitCodes.For(exception));
        Assert.Contains($"{expected} ", AgentCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_BootSecretThatCannotBeAHeader_ExitsWith6WithoutRetrying()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var bootString = $"{Guid.NewGuid():D}:127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}:s\u00e9cret-{Guid.NewGuid():N}";

        var exitCode = await Program.Main(Isolated("--boot-string", bootString, "--allow-insecure")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConfigAgentExitCodes.CredentialUnsendable, exitCode);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Main_ServerCertificateIsNotThePinnedOne_ExitsWith5WithoutRetrying()
    {
        using var certificate = SelfSigned("CN=rendezvous.test");
        using var pinned = SelfSigned("CN=the-expected-one.test");
        await using var server = await TlsListener.StartAsync(certificate);
        var bootString = BootString.Create(Guid.NewGuid(), RendezvousAddress.Parse($"127.0.0.1:{server.Port}"), Secret.Generate(), CertificateFingerprint.Of(pinned)).Format();

        var exitCode = await Program.Main(Isolated("--boot-string", bootString)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConfigAgentExitCodes.CertificateRefused, exitCode);
        Assert.Equal(1, server.Handshakes);
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A TLS server on loopback that presents a certificate and counts the handshakes attempted.</summary>
    private sealed class TlsListener : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _accepting = Task.CompletedTask;
        private int _handshakes;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Handshakes => Volatile.Read(ref _handshakes);

        public static Task<TlsListener> StartAsync(X509Certificate2 certificate)
        {
            var server = new TlsListener();
            server._listener.Start();
            server._accepting = server.AcceptAsync(certificate);
            return Task.FromResult(server);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }

        private async Task AcceptAsync(X509Certificate2 certificate)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _handshakes);
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, _stop.Token);
                }
                catch (Exception e) when (e is AuthenticationException or IOException or SocketException or OperationCanceledException)
                {
                    // The agent refuses the certificate and hangs up: that is the point.
                }
            }
        }
    }
}
