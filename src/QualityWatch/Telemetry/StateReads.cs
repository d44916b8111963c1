using Microsoft.Extensions.Options;
using QualityWatch.Storage;

namespace QualityWatch.Telemetry;

/// <summary>
/// The reads behind every feature's database-backed gauges (queue depth, hallucination rate, alert states).
/// Run lazily when scraped, at most once per <see cref="MetricsOptions.StateRefreshInterval"/>, so an idle
/// service does no work for them; and all in one read transaction, so they describe the same moment.
/// </summary>
internal sealed class StateReads(SqliteConnectionFactory connections, IOptions<MetricsOptions> options, TimeProvider time, ILogger<StateReads> logger)
{
    private readonly List<Func<StateTransaction, Action>> reads = [];
    private readonly Lock gate = new();
    private DateTimeOffset readAt = DateTimeOffset.MinValue;
    private bool failing;

    /// <summary>Adds a read; until its first refresh its value is <paramref name="empty"/>.</summary>
    public StateRead<T> Add<T>(Func<StateTransaction, T> read, T empty)
    {
        var state = new StateRead<T>(this, read, empty);
        lock (gate)
        {
            reads.Add(tx =>
            {
                var value = state.Read(tx);
                return () => state.Last = value;
            });
        }

        return state;
    }

    internal void Refresh()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - readAt < options.Value.StateRefreshInterval)
            {
                return;
            }

            readAt = now;
            try
            {
                ReadAll(now);
                if (failing)
                {
                    failing = false;
                    Log.StateReadRecovered(logger);
                }
            }
            catch (Exception ex)
            {
                // A scrape must still answer (with the last values) while the database is briefly unreadable,
                // e.g. before the first migration. Say so once, not on every scrape.
                if (!failing)
                {
                    failing = true;
                    Log.StateReadFailed(logger, ex);
                }
            }
        }
    }

    private void ReadAll(DateTimeOffset now)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var tx = new StateTransaction(connection, transaction, now);
        var results = reads.Select(read => read(tx)).ToList();
        transaction.Commit();

        // All or nothing: a read that throws leaves every value as it was.
        foreach (var apply in results)
        {
            apply();
        }
    }
}
