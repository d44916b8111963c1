using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Options;

namespace QualityWatch.WebConsole;

/// <summary><c>Console:TrustedProxies</c> parsed once: whether a connection comes from an authenticating proxy.</summary>
internal sealed class TrustedProxyList(IOptions<ConsoleOptions> options)
{
    private readonly IPNetwork[] networks = [.. options.Value.TrustedProxies.Select(p => TryParse(p, out var n) ? n.Value : default)];

    public string? Header { get; } = string.IsNullOrWhiteSpace(options.Value.TrustedUserHeader) ? null : options.Value.TrustedUserHeader;

    public bool Trusts(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }

        // Kestrel on a dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return networks.Any(n => n.Contains(address));
    }

    public static bool TryParse(string value, [NotNullWhen(true)] out IPNetwork? network)
    {
        network = null;
        if (IPAddress.TryParse(value, out var single) && !value.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        if (IPNetwork.TryParse(value, out var parsed))
        {
            network = parsed;
            return true;
        }

        return false;
    }
}
