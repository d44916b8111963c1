using Microsoft.AspNetCore.Http;
using QualityWatch.Hosting;

namespace QualityWatch.Health;

/// <summary>
/// <c>QualityWatch healthcheck [--ready] [--urls URL]</c>: GETs <c>/healthz</c> (or <c>/readyz</c>
/// with <c>--ready</c>) on the service's own listen URL and exits 0 when it answers 2xx, else 1.
/// The container image has no curl; this is its <c>HEALTHCHECK</c> (liveness: an unreachable
/// judge must not get the container replaced) and a start-up script's readiness wait. The URL
/// comes from the same settings the service reads (<c>--urls</c>, <c>QW_urls</c>,
/// <c>ASPNETCORE_URLS</c>); a wildcard host is probed on loopback.
/// </summary>
internal static class HealthCheckCommand
{
    public const string Verb = "healthcheck";

    /// <summary>Probe readiness (<c>/readyz</c>) instead of liveness.</summary>
    public const string ReadyFlag = "--ready";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("QW_")
            .AddCommandLine([.. args.Where(a => a != ReadyFlag)])
            .Build();

        Uri probe;
        try
        {
            probe = ProbeUri(configuration[WebHostDefaults.ServerUrlsKey], args.Contains(ReadyFlag) ? "/readyz" : "/healthz");
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"unhealthy: cannot read the listen URL: {ex.Message}");
            return 1;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(probe);
            if (response.IsSuccessStatusCode)
            {
                await Console.Out.WriteLineAsync($"healthy: {probe} answered {(int)response.StatusCode}");
                return 0;
            }

            await Console.Error.WriteLineAsync($"unhealthy: {probe} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {probe}: {ex.Message}");
        }

        return 1;
    }

    /// <summary>The health address (<paramref name="path"/>) for the first listen URL (http preferred); wildcard hosts become loopback.</summary>
    public static Uri ProbeUri(string? urls, string path = "/healthz")
    {
        var candidates = (string.IsNullOrWhiteSpace(urls) ? QualityWatchApp.DefaultUrl : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(BindingAddress.Parse)
            .ToList();
        var address = candidates.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp) ?? candidates[0];
        var host = address.Host switch
        {
            "+" or "*" or "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var named => named,
        };
        return new UriBuilder(address.Scheme, host, address.Port, path).Uri;
    }
}
