using QualityWatch.Hosting;
using QualityWatch.Api;

namespace QualityWatch.Telemetry;

/// <summary>
/// Adds the <c>Metrics:Port</c> listener beside the main listen URLs, on the same host(s). Added to the
/// URLs rather than as an explicit Kestrel endpoint, because an explicit endpoint makes Kestrel ignore
/// <c>--urls</c> altogether.
/// </summary>
internal static class MetricsListener
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MetricsOptions.SectionName);
        if (!section.GetValue(nameof(MetricsOptions.Enabled), true) ||
            section.GetValue<int?>(nameof(MetricsOptions.Port)) is not int port || port < 1 || port > 65535)
        {
            // Off, or no port, or a bad one: the options validator names the key before anything binds.
            return;
        }

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var main = string.IsNullOrWhiteSpace(urls) ? QualityWatchApp.DefaultUrl : urls;
        builder.WebHost.UseUrls([.. Split(main), .. Urls(main, port)]);
    }

    /// <summary>One metrics URL per distinct scheme and host of the main URLs.</summary>
    public static IReadOnlyList<string> Urls(string mainUrls, int port) =>
        [.. Split(mainUrls).Select(url => $"{ListenAddresses.Scheme(url)}://{ListenAddresses.Host(url)}:{port}").Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
