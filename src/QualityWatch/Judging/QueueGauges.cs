using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.Queue;
using QualityWatch.Sampling;
using QualityWatch.Telemetry;

namespace QualityWatch.Judging;

/// <summary>
/// The judge queue as gauges: samples pending or leased per stream, and how long the oldest has waited.
/// Read from the database when scraped, through the shared <see cref="StateReads"/>.
/// </summary>
internal sealed class QueueGauges : IMetricGauges
{
    // ix_samples_queue (status, ...) narrows this to the waiting samples; done and failed ones are never read.
    private const string QueueSql =
        $"""
        SELECT stream AS Stream, status AS Status, COUNT(*) AS Samples, MIN(received_at) AS OldestReceivedAt
        FROM samples
        WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}')
        GROUP BY stream, status;
        """;

    private static readonly string[] QueueStatuses = [SampleStatuses.Pending, SampleStatuses.Leased];

    private readonly IOptions<SamplingOptions> sampling;
    private readonly TimeProvider time;
    private LabelLimits? labelLimits;
    private StateRead<IReadOnlyList<QueueRow>>? read;

    public QueueGauges(IOptions<SamplingOptions> sampling, TimeProvider time)
    {
        this.sampling = sampling;
        this.time = time;
    }

    private LabelLimits Labels => labelLimits ?? throw new InvalidOperationException("The queue gauges are not registered.");

    private StateRead<IReadOnlyList<QueueRow>> Queue => read ?? throw new InvalidOperationException("The queue gauges are not registered.");

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        labelLimits = context.Labels;
        read = context.State.Add<IReadOnlyList<QueueRow>>(tx => tx.Connection.Query<QueueRow>(QueueSql, transaction: tx.Transaction).AsList(), []);
        var meter = context.Meter;
        meter.CreateObservableGauge(QualityWatchMetrics.QueueSamples, QueueSamples, "{sample}", "Samples waiting for the judge (pending) or being judged (leased)");
        meter.CreateObservableGauge(QualityWatchMetrics.QueueOldestAge, OldestWaitingAge, "s", "Age of the oldest pending or leased sample; 0 when none");
    }

    internal IEnumerable<Measurement<long>> QueueSamples()
    {
        var counts = new Dictionary<(string Stream, string Status), long>();
        foreach (var stream in KnownStreams())
        {
            foreach (var status in QueueStatuses)
            {
                counts[(stream, status)] = 0;
            }
        }

        foreach (var row in Queue.Current)
        {
            var key = (Labels.Stream(row.Stream), row.Status);
            counts[key] = counts.GetValueOrDefault(key) + row.Samples;
        }

        return counts.Select(p => new Measurement<long>(p.Value, new("stream", p.Key.Stream), new("status", p.Key.Status)));
    }

    internal IEnumerable<Measurement<double>> OldestWaitingAge()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ages = KnownStreams().ToDictionary(s => s, _ => 0.0);
        foreach (var row in Queue.Current)
        {
            var stream = Labels.Stream(row.Stream);
            ages[stream] = Math.Max(ages.GetValueOrDefault(stream), Math.Max(0, now - row.OldestReceivedAt) / 1000.0);
        }

        return ages.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("stream", p.Key)));
    }

    private IEnumerable<string> KnownStreams() =>
        sampling.Value.Streams.Select(s => s.Name).Prepend(SamplingOptions.DefaultStream).Select(Labels.Stream).Distinct();
}
