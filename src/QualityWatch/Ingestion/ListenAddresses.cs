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

    /// <summary>The host part of a listen URL: <c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>, or a wildcard (<c>*</c>, <c>+</c>).</summary>
    public static string Host(string url)
    {
        // Kestrel accepts wildcards (*, +) that Uri cannot parse; they bind every interface.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        return rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
    }

    /// <summary>The scheme of a listen URL; <c>http</c> when it names none.</summary>
    public static string Scheme(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? "http" : url[..schemeEnd];
    }

    private static bool IsLoopback(string url)
    {
        var host = Host(url);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
