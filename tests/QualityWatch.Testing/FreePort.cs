using System.Net;
using System.Net.Sockets;

namespace QualityWatch.Testing;

public static class FreePort
{
    /// <summary>
    /// A loopback port the OS just handed out and released: free unless someone takes it first, and
    /// nothing listens there, so a connect is refused at once (a dead judge, a down peer).
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
