using System.Diagnostics.Metrics;
using Dapper;
using QualityWatch.Storage;
using QualityWatch.Telemetry;

namespace QualityWatch.Trends;

/// <summary>
/// <c>qualitywatch_version_first_seen_timestamp_seconds{stream,dimension,value}</c>: when each prompt_version and model
/// was first seen, as a Grafana annotation query marks deploys (<c>changes(...)</c> or the value as the time). Read from
/// <c>sampling_versions</c> (not the ingest writer's memory, which it owns) at most once per <see cref="Refresh"/>.
/// Started as a hosted service so the gauge exists from start-up.
/// </summary>
internal sealed class VersionFirstSeenGauge(
    IMeterFactory meters,
    SqliteConnectionFactory connections,
    LabelLimits labels,
    TimeProvider time,
    ILogger<VersionFirstSeenGauge> logger) : IHostedService
{
    public const string Name = "qualitywatch.version.first_seen_timestamp";

    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private IReadOnlyList<Measurement<double>> cached = [];
    private DateTimeOffset refreshedAt = DateTimeOffset.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        meters.Create(QualityWatchMetrics.MeterName)
            .CreateObservableGauge(Name, Observe, "s", "When a prompt_version or model was first seen on a stream (Unix seconds): one series per deploy");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<double>> Observe()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - refreshedAt < Refresh)
            {
                return cached;
            }

            refreshedAt = now;
            try
            {
                cached = Read();
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // A scrape during a database problem shows the last values; the health checks report the database.
                Log.FirstSeenUnreadable(logger, ex);
            }

            return cached;
        }
    }

    private List<Measurement<double>> Read()
    {
        const string sql = "SELECT stream AS Stream, dimension AS Dimension, value AS Value, first_seen AS FirstSeen FROM sampling_versions WHERE value <> '_other';";
        using var connection = connections.Open();
        var measurements = new Dictionary<(string, string, string), double>();
        foreach (var (stream, dimension, value, firstSeen) in connection.Query<(string Stream, string Dimension, string Value, long FirstSeen)>(sql))
        {
            var label = dimension == "model" ? labels.Model(value) : labels.PromptVersion(stream, value);
            var key = (labels.Stream(stream), dimension, label);
            var seconds = firstSeen / 1000.0;
            // Values folded into one label keep the earliest time.
            measurements[key] = measurements.TryGetValue(key, out var earlier) ? Math.Min(earlier, seconds) : seconds;
        }

        return [.. measurements.Select(m => new Measurement<double>(m.Value, new("stream", m.Key.Item1), new("dimension", m.Key.Item2), new("value", m.Key.Item3)))];
    }
}
