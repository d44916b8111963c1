using System.Net;

namespace QualityWatch.Api;

/// <summary>
/// Every address Kestrel will bind: the listen URLs (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>QW_urls</c>)
/// and each <c>Kestrel:Endpoints:{Name}:Url</c>, to tell loopback from exposed before anything binds.
/// </summary>
internal static class ListenAddresses
{
    private const string EndpointsSection = "Kestrel:Endpoints";

    /// <summary>
    /// The URLs and the configured endpoints together. Kestrel binds the endpoints instead of the URLs
    /// when both are given, but both are checked: the rule must hold whichever Kestrel picks.
    /// </summary>
    public static IReadOnlyList<ListenAddress> All(IConfiguration configuration)
    {
        var addresses = Split(configuration[WebHostDefaults.ServerUrlsKey] ?? "")
            .Select(url => new ListenAddress(url, WebHostDefaults.ServerUrlsKey))
            .ToList();
        foreach (var endpoint in configuration.GetSection(EndpointsSection).GetChildren())
        {
            var key = $"{EndpointsSection}:{endpoint.Key}:Url";
            addresses.Add(new ListenAddress(endpoint["Url"] ?? "", key));
        }

        return addresses;
    }

    /// <summary>What is wrong with each address Kestrel could not bind, naming the key; empty when all parse.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration) =>
        [.. All(configuration).Select(Problem).OfType<string>()];

    public static IReadOnlyList<ListenAddress> NonLoopback(IConfiguration configuration) =>
        [.. All(configuration).Where(a => !IsLoopback(a.Url))];

    /// <summary>The host part of a listen URL: <c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>, or a wildcard (<c>*</c>, <c>+</c>).</summary>
    public static string Host(string url)
    {
        // Kestrel accepts wildcards (*, +) that Uri cannot parse; they bind every interface.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var bracket = rest.IndexOf(']', StringComparison.Ordinal);
        return rest.StartsWith('[') && bracket > 0 ? rest[..(bracket + 1)] : rest.Split(':', '/')[0];
    }

    /// <summary>The scheme of a listen URL; <c>http</c> when it names none.</summary>
    public static string Scheme(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? "http" : url[..schemeEnd];
    }

    /// <summary>True for <c>localhost</c> and loopback IP literals; a name or a wildcard binds beyond loopback.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host?.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool IsLoopback(string url)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        // A Unix socket is reachable only through the file system, never from the network.
        return parsed.IsUnixPipe || IsLoopbackHost(parsed.Host);
    }

    private static string? Problem(ListenAddress address)
    {
        var problem = Parse(address.Url);
        return problem is null ? null : $"{address.Key} holds '{address.Url}', which is not a listen URL: {problem} Use scheme://host:port, e.g. http://127.0.0.1:8080.";
    }

    private static string? Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "it is empty.";
        }

        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(url);
        }
        catch (FormatException ex)
        {
            return ex.Message.TrimEnd('.') + ".";
        }

        if (parsed.Scheme is not ("http" or "https"))
        {
            return $"the scheme must be http or https, was '{parsed.Scheme}'.";
        }

        if (parsed.IsUnixPipe)
        {
            return null;
        }

        // BindingAddress keeps a port it cannot read as part of the host ("127.0.0.1:http" → host
        // "127.0.0.1:http", port 80), and Kestrel binds a host it cannot parse on every interface.
        var host = parsed.Host;
        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        if ((!bracketed && host.Contains(':', StringComparison.Ordinal)) || host.StartsWith('[') != host.EndsWith(']'))
        {
            return "the host or the port cannot be read.";
        }

        if (parsed.Port is < 0 or > 65535)
        {
            return $"the port must be from 0 to 65535, was {parsed.Port}.";
        }

        return null;
    }

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
