using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudConfig.Agent.Tests;

/// <summary>
/// An IMDSv2-style metadata service on 127.0.0.1: user data is only served to a GET carrying a token obtained by a
/// PUT to the token path with a TTL header, as on EC2.
/// </summary>
internal sealed class MetadataServiceStub : IAsyncDisposable
{
    private const string DefaultToken = "stub-session-token";
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly string _token;
    private readonly byte[]? _userDataBytes;

    /// <summary>Starts the stub; <paramref name="token"/> and <paramref name="userDataBytes"/> let it answer garbage.</summary>
    public MetadataServiceStub(string? userData, string token = DefaultToken, byte[]? userDataBytes = null)
    {
        UserData = userData;
        _token = token;
        _userDataBytes = userDataBytes;
        (_listener, BaseUrl) = Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public string? UserData { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public int RefusedForMissingToken;

    public async ValueTask DisposeAsync()
    {
        // Close alone: Stop followed by Close makes the managed listener re-bind the port just to release it.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the loop this way.
        }
    }

    private static (HttpListener, Uri) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the start.
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        Requests.Enqueue($"{request.HttpMethod} {request.Url!.AbsolutePath}");
        var (status, body) = (request.HttpMethod, request.Url.AbsolutePath) switch
        {
            ("PUT", "/latest/api/token") when request.Headers["X-aws-ec2-metadata-token-ttl-seconds"] is { Length: > 0 } => (200, _token),
            ("PUT", "/latest/api/token") => (400, ""),
            ("GET", "/latest/user-data") when request.Headers["X-aws-ec2-metadata-token"] != _token => Refuse(),
            ("GET", "/latest/user-data") when UserData is null && _userDataBytes is null => (404, ""),
            ("GET", "/latest/user-data") => (200, UserData ?? ""),
            _ => (404, ""),
        };
        var bytes = status == 200 && request.HttpMethod == "GET" && _userDataBytes is not null ? _userDataBytes : Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private (int, string) Refuse()
    {
        Interlocked.Increment(ref RefusedForMissingToken);
        return (401, "");
    }
}
