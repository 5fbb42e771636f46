using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>A request as the raw server read it: enough to tell fetches, polls and reports apart.</summary>
internal sealed record RawRequest(string Method, string Path, string? AuthorizationScheme, byte[] Body)
{
    public bool IsReport => Method == "PUT" && Path.EndsWith("/report", StringComparison.Ordinal);

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A TCP listener on loopback that speaks just enough HTTP/1.1 to read a request, then hands the connection to a
/// responder that may answer anything at all: garbage, a huge or dripping body, nothing. One request per connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener;
    private readonly RawAnswers.Responder _responder;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private readonly X509Certificate2? _certificate;
    private int _accepted;

    private RawHttpServer(IPAddress address, RawAnswers.Responder responder, X509Certificate2? certificate)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _responder = responder;
        _certificate = certificate;
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).Address.ToString();

    /// <summary>The address as a boot string carries it.</summary>
    public RendezvousAddress Address => RendezvousAddress.Parse($"{Host}:{Port}");

    public int Connections => Volatile.Read(ref _accepted);

    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    /// <summary>Starts the server; with a certificate, it speaks TLS first.</summary>
    public static RawHttpServer Start(RawAnswers.Responder responder, IPAddress? address = null, X509Certificate2? certificate = null) =>
        new(address ?? IPAddress.Loopback, responder, certificate);

    /// <summary>Waits until at least <paramref name="count"/> requests were read.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (_requests.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }

                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                await _responder(request, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
            {
                // The agent hung up (it refused the answer, or timed out): that is what these servers provoke.
            }
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count > MaxHeadBytes || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        string? scheme = null;
        var length = 0;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].ToUpperInvariant())
            {
                case "AUTHORIZATION":
                    scheme = value.Split(' ')[0];
                    break;
                case "CONTENT-LENGTH":
                    length = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", scheme, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
