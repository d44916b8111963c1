using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Bench.Dedup;

/// <summary>
/// Counts, at a fixed interval while the load runs, the ids the service's dedup record holds (<c>seen_interactions</c>,
/// across its buckets) and the interactions it has accepted so far (<c>volume_hourly</c>), both from one snapshot of a
/// read-only connection (WAL: it never blocks the writer).
/// </summary>
internal sealed class SeenRowMonitor(string databasePath, TimeSpan interval)
{
    private readonly List<SeenSample> samples = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public IReadOnlyList<SeenSample> Samples => samples;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Take();
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                // The load is over; the caller takes the final sample itself.
            }
        }
    }

    public SeenSample Take()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var sample = new SeenSample(clock.Elapsed, Scalar(connection, transaction, "SELECT COUNT(*) FROM seen_interactions;"),
            Scalar(connection, transaction, "SELECT COALESCE(SUM(received), 0) FROM volume_hourly;"));
        samples.Add(sample);
        return sample;
    }

    /// <summary>
    /// The largest ratio of stored ids to the ids accepted in the window before the same sample (about the ids an exact,
    /// instantly pruned record would hold then), over the samples taken once a whole window had passed.
    /// </summary>
    public (SeenSample Sample, long WindowIds, double Ratio)? WorstRatio(TimeSpan window)
    {
        (SeenSample, long, double)? worst = null;
        foreach (var sample in samples)
        {
            // The first count inside the window: it spans at most one window, so the ratio errs high, never low.
            if (sample.At - samples[0].At < window)
            {
                continue;
            }

            var before = samples.First(s => s.At >= sample.At - window);
            if (sample.Received - before.Received <= 0)
            {
                continue;
            }

            var windowIds = sample.Received - before.Received;
            var ratio = (double)sample.Stored / windowIds;
            if (worst is null || ratio > worst.Value.Item3)
            {
                worst = (sample, windowIds, ratio);
            }
        }

        return worst;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
