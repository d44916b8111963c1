using System.Net;

namespace QualityWatch.Ingestion;

/// <summary>Reads the configured listen URLs (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) to tell loopback from exposed.</summary>
internal static class ListenAddresses
{
    public static List<string> NonLoopback(string urls)
    {
        var exposed = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
            {
                exposed.Add(url);
            }
        }

        return exposed;
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcards (*, +) that Uri cannot parse; they bind every interface.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
