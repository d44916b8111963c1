using System.Text.Json;
using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Incidents;

/// <summary>Incidents and their signals in SQLite.</summary>
internal sealed class IncidentStore(SqliteConnectionFactory connections)
{
    private const string ForSignalSql =
        "SELECT " + IncidentRow.Columns +
        """
         FROM incidents WHERE id = (
            SELECT i.id FROM incidents i JOIN incident_signals s ON s.incident_id = i.id
            WHERE i.state <> 'resolved' AND i.stream = @Stream AND s.rule = @Rule AND s.prompt_version = @PromptVersion
            ORDER BY i.opened_at DESC LIMIT 1);
        """;

    /// <summary>The unresolved incident this alert instance is a signal of, if any.</summary>
    public Task<Incident?> ForSignalAsync(string rule, string stream, string promptVersion, CancellationToken cancellationToken) =>
        SingleAsync(ForSignalSql, new { Rule = rule, Stream = stream, PromptVersion = promptVersion }, cancellationToken);

    private const string LatestForSignalSql =
        "SELECT " + IncidentRow.Columns +
        """
         FROM incidents WHERE id = (
            SELECT i.id FROM incidents i JOIN incident_signals s ON s.incident_id = i.id
            WHERE i.stream = @Stream AND s.rule = @Rule AND s.prompt_version = @PromptVersion
            ORDER BY i.opened_at DESC LIMIT 1);
        """;

    /// <summary>The newest incident, in any state, this alert instance is (or was) a signal of: what its console page shows.</summary>
    public Task<Incident?> LatestForSignalAsync(string rule, string stream, string promptVersion, CancellationToken cancellationToken) =>
        SingleAsync(LatestForSignalSql, new { Rule = rule, Stream = stream, PromptVersion = promptVersion }, cancellationToken);

    private const string MatchSql =
        "SELECT " + IncidentRow.Columns +
        """
         FROM incidents
        WHERE state <> 'resolved' AND kind = @Kind AND stream = @Stream
          AND ((dimension = @Dimension AND value = @Value) OR @AnySubject = 1)
        ORDER BY (dimension = @Dimension AND value = @Value) DESC, opened_at DESC LIMIT 1;
        """;

    /// <summary>The unresolved incident of the same kind, stream and subject; with <paramref name="anySubject"/>, else any of the stream's.</summary>
    public Task<Incident?> MatchAsync(string stream, IncidentSubject subject, bool anySubject, CancellationToken cancellationToken) =>
        SingleAsync(MatchSql, new { subject.Kind, Stream = stream, subject.Dimension, subject.Value, AnySubject = anySubject ? 1 : 0 }, cancellationToken);

    public Task<Incident?> GetAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync("SELECT " + IncidentRow.Columns + " FROM incidents WHERE id = @Id;", new { Id = id }, cancellationToken);

    private const string ListSql =
        "SELECT " + IncidentRow.Columns +
        """
         FROM incidents
        WHERE (@Stream IS NULL OR stream = @Stream) AND (@State IS NULL OR state = @State)
        ORDER BY opened_at DESC, id LIMIT @Limit;
        """;

    /// <summary>Incidents, newest first.</summary>
    public async Task<IReadOnlyList<Incident>> ListAsync(string? stream, string? state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(ListSql, new { Stream = stream, State = state, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToIncident())];
    }

    /// <summary>Unresolved incidents owing a page that a silence held.</summary>
    public async Task<IReadOnlyList<Incident>> HeldAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            "SELECT " + IncidentRow.Columns + " FROM incidents WHERE held = 1 AND state <> 'resolved';", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToIncident())];
    }

    private const string OpenSql =
        """
        INSERT INTO incidents (id, stream, dimension, value, kind, state, opened_at, labels)
        VALUES (@Id, @Stream, @Dimension, @Value, @Kind, 'open', @OpenedAt, @Labels);
        """;

    public async Task OpenAsync(Incident incident, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(OpenSql, new
        {
            incident.Id,
            incident.Stream,
            incident.Subject.Dimension,
            incident.Subject.Value,
            incident.Subject.Kind,
            OpenedAt = incident.OpenedAt.ToUnixTimeMilliseconds(),
            Labels = JsonSerializer.Serialize(new Dictionary<string, string>(incident.Labels), IncidentsJsonContext.Default.DictionaryStringString),
        }, cancellationToken: cancellationToken));
    }

    private const string JoinSql =
        """
        INSERT INTO incident_signals (incident_id, rule, prompt_version, state, joined_at, summary)
        VALUES (@Id, @Rule, @PromptVersion, 'firing', @At, @Summary)
        ON CONFLICT (incident_id, rule, prompt_version) DO UPDATE SET state = 'firing', resolved_at = NULL, summary = excluded.summary;
        """;

    /// <summary>Adds (or re-adds) a firing signal to the incident.</summary>
    public async Task JoinAsync(string id, string rule, string promptVersion, string? summary, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(JoinSql, new { Id = id, Rule = rule, PromptVersion = promptVersion, At = at.ToUnixTimeMilliseconds(), Summary = summary }, cancellationToken: cancellationToken));
    }

    private const string LeaveSql =
        """
        UPDATE incident_signals SET state = 'resolved', resolved_at = @At, summary = @Summary
        WHERE incident_id = @Id AND rule = @Rule AND prompt_version = @PromptVersion;
        SELECT COUNT(*) FROM incident_signals WHERE incident_id = @Id AND state = 'firing';
        """;

    /// <summary>Marks the signal resolved; returns how many signals of the incident still fire.</summary>
    public async Task<long> LeaveAsync(string id, string rule, string promptVersion, string? summary, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(LeaveSql, new { Id = id, Rule = rule, PromptVersion = promptVersion, At = at.ToUnixTimeMilliseconds(), Summary = summary }, cancellationToken: cancellationToken));
    }

    public Task ResolveAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE incidents SET state = 'resolved', resolved_at = @At, held = 0 WHERE id = @Id;", new { Id = id, At = at.ToUnixTimeMilliseconds() }, cancellationToken);

    /// <summary>A notification of the incident was handed to the outbox; the notified time moves only when a channel took it.</summary>
    public Task NotifiedAsync(string id, bool taken, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE incidents SET paged = 1, held = 0, last_sent_at = @At, last_notified_at = CASE WHEN @Taken = 1 THEN @At ELSE last_notified_at END WHERE id = @Id;",
            new { Id = id, Taken = taken ? 1 : 0, At = at.ToUnixTimeMilliseconds() },
            cancellationToken);

    public Task HoldAsync(string id, bool held, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE incidents SET held = @Held WHERE id = @Id;", new { Id = id, Held = held ? 1 : 0 }, cancellationToken);

    /// <summary>Acknowledges an open incident; false when it is not open (already acknowledged, or resolved).</summary>
    public async Task<bool> AcknowledgeAsync(string id, string by, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql =
            """
            UPDATE incidents SET state = 'acknowledged', acknowledged_at = @At, acknowledged_by = @By, acknowledged_note = @Note
            WHERE id = @Id AND state = 'open';
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, By = by, Note = note, At = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SignalsSql =
        """
        SELECT s.rule AS Rule, s.prompt_version AS PromptVersion, s.state AS State, s.joined_at AS JoinedAt, s.resolved_at AS ResolvedAt,
               COALESCE(a.summary, s.summary) AS Summary, a.last_value AS Value
        FROM incident_signals s
        JOIN incidents i ON i.id = s.incident_id
        LEFT JOIN alert_instances a ON a.rule = s.rule AND a.stream = i.stream AND a.prompt_version = s.prompt_version
        WHERE s.incident_id = @Id
        ORDER BY s.joined_at, s.rule;
        """;

    /// <summary>The incident's signals; a firing one shows its instance's current summary (refreshed every evaluation).</summary>
    public async Task<IReadOnlyList<IncidentSignalView>> SignalsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Rule, string PromptVersion, string State, long JoinedAt, long? ResolvedAt, string? Summary, double? Value)>(
            new CommandDefinition(SignalsSql, new { Id = id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new IncidentSignalView(
            r.Rule, r.PromptVersion, r.State, DateTimeOffset.FromUnixTimeMilliseconds(r.JoinedAt),
            r.ResolvedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, r.Summary, r.Value))];
    }

    // A notification no channel took (none configured for its kind) is listed once, with no channel.
    private const string NotificationsSql =
        """
        SELECT n.id AS NotificationId, n.kind AS Kind, d.channel AS Channel, COALESCE(d.status, 'no_channel') AS Status,
               COALESCE(d.sent_at, d.updated_at, n.created_at) AS At, n.reason AS Reason
        FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_id = n.id
        WHERE n.key = @Key
        ORDER BY n.created_at, d.id;
        """;

    /// <summary>Every notification of the incident's thread per channel, oldest first: what went where, and when it was sent (or last tried).</summary>
    public async Task<IReadOnlyList<IncidentNotificationView>> NotificationsAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string NotificationId, string Kind, string? Channel, string Status, long At, string Reason)>(
            new CommandDefinition(NotificationsSql, new { Key = key }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new IncidentNotificationView(r.NotificationId, r.Kind, r.Channel, r.Status, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Reason))];
    }

    private async Task<Incident?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row?.ToIncident();
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
