using Dapper;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Alerting;

/// <summary>Queries for the operational rules: judge failures, queue backlog, ingest silence.</summary>
internal sealed class OperationalQueries(SqliteConnectionFactory connections)
{
    private const string OutcomesSql =
        $"""
        SELECT stream AS Stream, SUM(status = '{SampleStatuses.Failed}') AS Failed, SUM(status = '{SampleStatuses.Done}') AS Done
        FROM samples
        WHERE status IN ('{SampleStatuses.Done}', '{SampleStatuses.Failed}') AND updated_at > @From AND updated_at <= @To
        GROUP BY stream;
        """;

    /// <summary>Per stream: samples that ended failed and done in the window, by their last update.</summary>
    internal Task<IReadOnlyList<StreamOutcomes>> OutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync<StreamOutcomes>(OutcomesSql, new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() }, cancellationToken);

    // sampling_state has one row per stream that ever received traffic, and alert_instances the streams
    // this rule has judged before, so a stream whose backlog drained still gets an observation (and resolves).
    // Only routine samples still waiting for a call count towards the age: a leased sample is in a judge call
    // (Flex answers take minutes; a stuck lease expires back to pending and counts then), and a deploy's boost
    // samples are a planned burst judged in their own lane. They are counted apart, for the evidence.
    private const string BacklogSql =
        $"""
        SELECT st.stream AS Stream,
               (SELECT COUNT(*) FROM samples s WHERE s.stream = st.stream AND s.status = '{SampleStatuses.Pending}' AND s.origin = 'live' AND s.sample_reason <> 'boost') AS Waiting,
               (SELECT MIN(s.received_at) FROM samples s WHERE s.stream = st.stream AND s.status = '{SampleStatuses.Pending}' AND s.origin = 'live' AND s.sample_reason <> 'boost') AS OldestReceivedAt,
               (SELECT COUNT(*) FROM samples s WHERE s.stream = st.stream AND s.origin = 'live' AND (s.status = '{SampleStatuses.Leased}' OR (s.status = '{SampleStatuses.Pending}' AND s.sample_reason = 'boost'))) AS Excused
        FROM (SELECT stream FROM sampling_state
              UNION SELECT stream FROM alert_instances WHERE rule = @Rule
              UNION SELECT DISTINCT stream FROM samples WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}') AND origin = 'live') st;
        """;

    /// <summary>Per stream: routine live samples waiting for a judge call, the oldest one's received_at, and those in a call or boosted.</summary>
    internal Task<IReadOnlyList<StreamBacklog>> BacklogAsync(string rule, CancellationToken cancellationToken) =>
        QueryAsync<StreamBacklog>(BacklogSql, new { Rule = rule }, cancellationToken);

    // volume_hourly counts every interaction by the hour of its own timestamp, sampled or not; the
    // end of the latest hour (capped at now) is the latest moment traffic is known to have flowed.
    private const string LastSeenSql =
        """
        SELECT Stream, MAX(Seen) AS LastSeenAt FROM (
            SELECT stream AS Stream, MIN(MAX(hour_start) + 3600000 - 1, @Now) AS Seen FROM volume_hourly WHERE received > 0 GROUP BY stream
            UNION ALL
            SELECT stream AS Stream, MAX(received_at) AS Seen FROM samples GROUP BY stream)
        GROUP BY Stream;
        """;

    /// <summary>Per stream: the latest moment an interaction is known to have arrived.</summary>
    internal Task<IReadOnlyList<StreamLastSeen>> LastSeenAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync<StreamLastSeen>(LastSeenSql, new { Now = now.ToUnixTimeMilliseconds() }, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];
    }
}
