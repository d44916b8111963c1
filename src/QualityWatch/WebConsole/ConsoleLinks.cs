using Microsoft.Extensions.Options;

namespace QualityWatch.WebConsole;

/// <summary>
/// The console's stable URLs. Relative inside the console; absolute under <c>Console:PublicUrl</c> for
/// notifications, which leave the service (null when no public URL is configured).
/// </summary>
internal sealed class ConsoleLinks(IOptions<ConsoleOptions> options)
{
    private readonly string? root = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : options.Value.PublicUrl.TrimEnd('/');

    public static string Alert(string alertId) => "/alerts/" + Uri.EscapeDataString(alertId);

    public static string Incident(string incidentId) => "/incidents/" + Uri.EscapeDataString(incidentId);

    public static string Sample(string interactionId) => "/samples/" + Uri.EscapeDataString(interactionId);

    public static string Samples(string? stream) => stream is null ? "/samples" : "/samples?stream=" + Uri.EscapeDataString(stream);

    /// <summary><paramref name="path"/> under the public URL, or null when none is configured.</summary>
    public string? Absolute(string path) => root is null ? null : root + path;
}
