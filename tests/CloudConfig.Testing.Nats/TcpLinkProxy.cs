using System.Net;
using System.Net.Sockets;

namespace CloudConfig.Testing.Nats;

/// <summary>
/// A TCP forwarder on a loopback port standing for the network between two sites, which a test can cut and restore:
/// cutting resets every connection through it and makes new ones close at once, as a partition would look to the
/// side dialling out; restoring lets new connections through again.
/// </summary>
public sealed class TcpLinkProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<CancellationToken, Task<Socket>> _connect;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    private TcpLinkProxy(Func<CancellationToken, Task<Socket>> connect)
    {
        _connect = connect;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The loopback port to dial instead of the target.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether the link is cut now.</summary>
    public bool IsCut
    {
        get
        {
            lock (_lock)
            {
                return _cut;
            }
        }
    }

    /// <summary>Starts forwarding to a loopback port.</summary>
    public static TcpLinkProxy Start(int targetPort) => new(async cancellationToken =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, targetPort, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    });

    /// <summary>
    /// Starts forwarding every connection to a socket <paramref name="connect"/> opens: to somewhere this process cannot
    /// simply dial, such as an address inside a network namespace.
    /// </summary>
    public static TcpLinkProxy Start(Func<CancellationToken, Task<Socket>> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        return new TcpLinkProxy(connect);
    }

    /// <summary>Cuts the link: open connections are reset, new ones are closed as soon as they arrive.</summary>
    public void Cut()
    {
        List<TcpClient> open;
        lock (_lock)
        {
            _cut = true;
            open = [.. _open];
            _open.Clear();
        }

        foreach (var client in open)
        {
            Abort(client);
        }
    }

    /// <summary>Restores the link for new connections.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (IsCut)
            {
                Abort(inbound);
                continue;
            }

            _ = Task.Run(() => ForwardAsync(inbound));
        }
    }

    private async Task ForwardAsync(TcpClient inbound)
    {
        TcpClient outbound;
        try
        {
            outbound = new TcpClient { Client = await _connect(_stop.Token) };
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            Abort(inbound);
            return;
        }

        lock (_lock)
        {
            if (_cut)
            {
                Abort(inbound);
                Abort(outbound);
                return;
            }

            _open.Add(inbound);
            _open.Add(outbound);
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var up = PumpAsync(inbound, outbound, done.Token);
        var down = PumpAsync(outbound, inbound, done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
        Abort(inbound);
        Abort(outbound);
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection ended, from either side or by a cut.
        }
    }

    private static void Abort(TcpClient client)
    {
        try
        {
            // A reset rather than a graceful close: what a broken link looks like.
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            client.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
