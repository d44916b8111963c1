using System.Net;
using System.Net.Sockets;

namespace QualityWatch.Bench.Connections;

/// <summary>Idle TCP connections to the service: connected, never sending a byte, held until disposed.</summary>
internal sealed class ConnectionFlood : IDisposable
{
    private readonly List<Socket> sockets = [];

    public int ConnectFailed { get; private set; }

    public int Opened => sockets.Count;

    public static async Task<ConnectionFlood> OpenAsync(IPEndPoint endpoint, int count, int parallel = 200)
    {
        var flood = new ConnectionFlood();
        for (var start = 0; start < count; start += parallel)
        {
            var batch = Enumerable.Range(0, Math.Min(parallel, count - start)).Select(_ => ConnectAsync(endpoint));
            foreach (var socket in await Task.WhenAll(batch))
            {
                if (socket is null)
                {
                    flood.ConnectFailed++;
                }
                else
                {
                    flood.sockets.Add(socket);
                }
            }
        }

        return flood;
    }

    /// <summary>Connections the server has closed (readable with nothing to read: end of stream): accepted over the cap and dropped.</summary>
    public int ClosedByServer() => sockets.Count(s => s.Poll(0, SelectMode.SelectRead) && s.Available == 0);

    public void Dispose()
    {
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    private static async Task<Socket?> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(endpoint, timeout.Token);
            return socket;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return null;
        }
    }
}
