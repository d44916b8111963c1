using System.Net;
using System.Net.Sockets;

namespace QualityWatch.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port bound then released: nothing listens there, so a connect is refused at once.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
