using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QualityWatch.Tests.Support;

/// <summary>A loopback TCP server that accepts connections and never says a word: a hung SMTP server.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Socket> held = new();

    public SilentServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => held.Count;

    public void Dispose()
    {
        listener.Stop();
        while (held.TryDequeue(out var socket))
        {
            socket.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                held.Enqueue(await listener.AcceptSocketAsync());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
