using Dapper;
using QualityWatch.Judging;
using QualityWatch.Telemetry;

namespace QualityWatch.Alerting;

/// <summary>The reads behind the alert gauges: a small GROUP BY each, inside the gauges' shared read transaction.</summary>
internal static class AlertGaugeQueries
{
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

    public static AlertGaugeState Read(StateTransaction tx, IEnumerable<TimeSpan> windows, CurrentRubric rubric)
    {
        var byWindow = new Dictionary<TimeSpan, IReadOnlyList<WindowRow>>();
        var to = tx.Now.ToUnixTimeMilliseconds();
        foreach (var window in windows)
        {
            var from = (tx.Now - window).ToUnixTimeMilliseconds();
            byWindow[window] = tx.Connection.Query<WindowRow>(WindowSql, new { From = from, To = to, Rubric = rubric.Version }, tx.Transaction).AsList();
        }

        var alerts = tx.Connection.Query<AlertStateRow>(AlertsSql, transaction: tx.Transaction).AsList();
        return new AlertGaugeState(byWindow, alerts);
    }
}
