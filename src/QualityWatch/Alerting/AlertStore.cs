using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Alerting;

/// <summary>Alert instances and their history in SQLite: the notification log that dedup and repeat are measured against.</summary>
internal sealed class AlertStore(SqliteConnectionFactory connections)
{
    private const string SelectColumns =
        """
        SELECT rule AS Rule, stream AS Stream, prompt_version AS PromptVersion, state AS State, state_since AS StateSince,
               active_since AS ActiveSince, fired_at AS FiredAt, resolved_at AS ResolvedAt, last_evaluated_at AS LastEvaluatedAt,
               last_value AS LastValue, summary AS Summary, last_notified_at AS LastNotifiedAt,
               last_notification_kind AS LastNotificationKind, last_notification_reason AS LastNotificationReason,
               evidence AS Evidence, clear_since AS ClearSince
        FROM alert_instances
        """;

    private const string LoadSql = SelectColumns + " WHERE rule = @Rule;";

    public async Task<Dictionary<(string Stream, string PromptVersion), AlertInstance>> LoadAsync(string rule, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertInstanceRow>(new CommandDefinition(LoadSql, new { Rule = rule }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToInstance()).ToDictionary(i => (i.Stream, i.PromptVersion));
    }

    private const string ListSql = SelectColumns + " ORDER BY CASE state WHEN 'firing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, rule, stream, prompt_version;";

    public async Task<IReadOnlyList<AlertInstance>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertInstanceRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInstance())];
    }

    private const string HistorySql =
        """
        SELECT id AS Id, rule AS Rule, stream AS Stream, prompt_version AS PromptVersion, from_state AS FromState,
               to_state AS ToState, at AS At, reason AS Reason, notified AS Notified
        FROM alert_history
        WHERE (@Rule IS NULL OR rule = @Rule)
        ORDER BY id DESC
        LIMIT @Limit;
        """;

    public async Task<IReadOnlyList<AlertTransitionView>> HistoryAsync(string? rule, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertTransitionRow>(new CommandDefinition(HistorySql, new { Rule = rule, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToView())];
    }

    private const string TransitionsSql =
        """
        SELECT stream AS Stream, prompt_version AS PromptVersion, COUNT(*) AS Count
        FROM alert_history
        WHERE rule = @Rule AND at > @Since AND to_state IN ('firing', 'resolved')
        GROUP BY stream, prompt_version;
        """;

    /// <summary>Per instance of the rule: transitions to firing or resolved since <paramref name="since"/> (the flap guard's count).</summary>
    public async Task<Dictionary<(string Stream, string PromptVersion), int>> TransitionsAsync(string rule, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Stream, string PromptVersion, long Count)>(
            new CommandDefinition(TransitionsSql, new { Rule = rule, Since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Stream, r.PromptVersion), r => (int)r.Count);
    }

    private const string UpsertSql =
        """
        INSERT INTO alert_instances (rule, stream, prompt_version, state, state_since, active_since, fired_at, resolved_at,
            last_evaluated_at, last_value, summary, last_notified_at, last_notification_kind, last_notification_reason, evidence, clear_since)
        VALUES (@Rule, @Stream, @PromptVersion, @State, @StateSince, @ActiveSince, @FiredAt, @ResolvedAt,
            @LastEvaluatedAt, @LastValue, @Summary, @LastNotifiedAt, @LastNotificationKind, @LastNotificationReason, @Evidence, @ClearSince)
        ON CONFLICT (rule, stream, prompt_version) DO UPDATE SET
            state = excluded.state, state_since = excluded.state_since, active_since = excluded.active_since,
            fired_at = excluded.fired_at, resolved_at = excluded.resolved_at, last_evaluated_at = excluded.last_evaluated_at,
            last_value = excluded.last_value, summary = excluded.summary, last_notified_at = excluded.last_notified_at,
            last_notification_kind = excluded.last_notification_kind, last_notification_reason = excluded.last_notification_reason,
            evidence = excluded.evidence, clear_since = excluded.clear_since;
        """;

    private const string InsertHistorySql =
        """
        INSERT INTO alert_history (rule, stream, prompt_version, from_state, to_state, at, reason, notified, evidence)
        VALUES (@Rule, @Stream, @PromptVersion, @From, @To, @At, @Reason, @Notified, @Evidence);
        """;

    /// <summary>Saves the instance and, when there is one, its transition, atomically.</summary>
    public async Task SaveAsync(AlertInstance instance, AlertTransition? transition, string? evidenceJson, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql, new
        {
            instance.Rule,
            instance.Stream,
            instance.PromptVersion,
            instance.State,
            StateSince = instance.StateSince.ToUnixTimeMilliseconds(),
            ActiveSince = AlertInstanceRow.Ms(instance.ActiveSince),
            FiredAt = AlertInstanceRow.Ms(instance.FiredAt),
            ResolvedAt = AlertInstanceRow.Ms(instance.ResolvedAt),
            LastEvaluatedAt = instance.LastEvaluatedAt.ToUnixTimeMilliseconds(),
            instance.LastValue,
            instance.Summary,
            LastNotifiedAt = AlertInstanceRow.Ms(instance.LastNotifiedAt),
            instance.LastNotificationKind,
            instance.LastNotificationReason,
            instance.Evidence,
            ClearSince = AlertInstanceRow.Ms(instance.ClearSince),
        }, transaction, cancellationToken: cancellationToken));

        if (transition is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertHistorySql, new
            {
                instance.Rule,
                instance.Stream,
                instance.PromptVersion,
                transition.From,
                transition.To,
                At = transition.At.ToUnixTimeMilliseconds(),
                transition.Reason,
                Notified = transition.NotificationKind,
                Evidence = evidenceJson,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
