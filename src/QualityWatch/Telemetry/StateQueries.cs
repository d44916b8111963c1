using Dapper;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Telemetry;

/// <summary>
/// The reads behind the database-backed gauges: each is an index range or a small GROUP BY, run in one
/// read transaction so queue, windows and alert states describe the same moment.
/// </summary>
internal sealed class StateQueries(SqliteConnectionFactory connections)
{
    // ix_samples_queue (status, ...) narrows this to the waiting samples; done and failed ones are never read.
    private const string QueueSql =
        $"""
        SELECT stream AS Stream, status AS Status, COUNT(*) AS Samples, MIN(received_at) AS OldestReceivedAt
        FROM samples
        WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}')
        GROUP BY stream, status;
        """;

    // The same window semantics as alerting's VerdictQueries: by judged_at, the current rubric's live verdicts.
    private const string WindowSql =
        """
        SELECT s.stream AS Stream, COUNT(*) AS Verdicts, COALESCE(SUM(v.hallucination), 0) AS Hallucinations
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE v.judged_at > @From AND v.judged_at <= @To
          AND v.rubric_version = @Rubric AND s.origin = 'live'
        GROUP BY s.stream;
        """;

    private const string AlertsSql =
        """
        SELECT rule AS Rule, stream AS Stream, state AS State, COUNT(*) AS Instances
        FROM alert_instances
        GROUP BY rule, stream, state;
        """;

    public StateSnapshot Read(DateTimeOffset now, IEnumerable<TimeSpan> windows)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var queue = connection.Query<QueueRow>(QueueSql, transaction: transaction).AsList();
        var byWindow = new Dictionary<TimeSpan, IReadOnlyList<WindowRow>>();
        var to = now.ToUnixTimeMilliseconds();
        foreach (var window in windows)
        {
            var from = (now - window).ToUnixTimeMilliseconds();
            byWindow[window] = connection.Query<WindowRow>(WindowSql, new { From = from, To = to, Rubric = Rubric.CurrentVersion }, transaction).AsList();
        }

        var alerts = connection.Query<AlertStateRow>(AlertsSql, transaction: transaction).AsList();
        transaction.Commit();
        return new StateSnapshot(now, queue, byWindow, alerts);
    }
}
