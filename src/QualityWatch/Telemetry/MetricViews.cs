using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace QualityWatch.Telemetry;

/// <summary>
/// The one OpenTelemetry view of this service: which instruments are exported, under what name and with
/// what buckets. One function rather than several views, because an instrument matched by two views
/// would be exported twice.
/// </summary>
internal static class MetricViews
{
    private static readonly Dictionary<string, IReadOnlyList<double>> Buckets = new(StringComparer.Ordinal)
    {
        [QualityWatchMetrics.JudgeDuration] = QualityWatchMetrics.JudgeDurationBuckets,
        [QualityWatchMetrics.IngestCommitDuration] = QualityWatchMetrics.CommitDurationBuckets,
        [QualityWatchMetrics.IngestCommitRequests] = QualityWatchMetrics.CommitSizeBuckets,
        [QualityWatchMetrics.IngestCommitInteractions] = QualityWatchMetrics.CommitSizeBuckets,
        [QualityWatchMetrics.VerdictAccuracy] = QualityWatchMetrics.ScoreBuckets,
        [QualityWatchMetrics.VerdictTone] = QualityWatchMetrics.ScoreBuckets,
    };

    // Prometheus reserves _count for histograms (promtool lint): these runtime gauges get plural names.
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
    };

    // MailKit times operations and connects in milliseconds; Prometheus wants base units, and a view can
    // rename but not rescale, so these two are left out. Its counters and the connection duration (seconds) stay.
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "mailkit.net.smtp.client.operation.duration",
        "mailkit.net.socket.connect.duration",
    };

    /// <param name="instrument">An instrument the meter provider was told to listen to.</param>
    /// <param name="owner">This host's meter factory.</param>
    /// <param name="enabled"><c>Metrics:Enabled</c>: off drops everything, so nothing is aggregated at all.</param>
    public static MetricStreamConfiguration? For(Instrument instrument, IMeterFactory owner, bool enabled)
    {
        // Meters from IMeterFactory are per host, but OpenTelemetry listens by name across the process: a
        // second host in the same process (tests, or an app embedding two) must not be counted here.
        if (!enabled || Dropped.Contains(instrument.Name) || (instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, owner)))
        {
            return MetricStreamConfiguration.Drop;
        }

        if (Buckets.TryGetValue(instrument.Name, out var boundaries))
        {
            return new ExplicitBucketHistogramConfiguration { Boundaries = [.. boundaries] };
        }

        return Renames.TryGetValue(instrument.Name, out var name) ? new MetricStreamConfiguration { Name = name } : null;
    }
}
