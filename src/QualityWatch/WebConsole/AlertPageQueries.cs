using System.Text.Json;
using Dapper;
using QualityWatch.Alerting;
using QualityWatch.Storage;

namespace QualityWatch.WebConsole;

/// <summary>What <c>/alerts/{id}</c> reads: the instance's transitions and notifications (each with its evidence) and the verdicts in its window.</summary>
internal sealed class AlertPageQueries(SqliteConnectionFactory connections)
{
    private const int MaxSamples = 50;

    // ix_alert_history_instance and ix_notifications_key: one instance's rows, not the whole log.
    private const string HistorySql =
        """
        SELECT from_state AS FromState, to_state AS ToState, at AS At, reason AS Reason, notified AS Notified, evidence AS Evidence
        FROM alert_history WHERE rule = @Rule AND stream = @Stream AND prompt_version = @PromptVersion ORDER BY at;
        """;

    // A signal's notifications go out on its incident's thread (key incident/{id}); before incidents, under its own key.
    private const string NotificationsSql =
        """
        SELECT id AS Id, kind AS Kind, reason AS Reason, created_at AS CreatedAt, payload AS Payload FROM notifications
        WHERE key = @Key
           OR key IN (SELECT 'incident/' || incident_id FROM incident_signals WHERE rule = @Rule AND prompt_version = @PromptVersion
                      AND incident_id IN (SELECT id FROM incidents WHERE stream = @Stream))
        ORDER BY created_at;
        """;

    // The rule windows count verdicts by judged_at (as alerting's VerdictQueries do): ix_verdicts_judged_at bounds the scan.
    private const string SamplesSql =
        """
        SELECT s.interaction_id AS InteractionId, s.prompt_version AS PromptVersion, s.model AS Model, v.judged_at AS JudgedAt,
               v.hallucination AS Hallucination, v.accuracy AS Accuracy, v.tone AS Tone, v.reason AS Reason
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE v.judged_at > @From AND v.judged_at <= @To AND s.stream = @Stream AND (@PromptVersion = '' OR s.prompt_version = @PromptVersion)
        ORDER BY v.hallucination DESC, v.accuracy, v.judged_at DESC LIMIT @Limit;
        """;

    public async Task<IReadOnlyList<AlertPoint>> TimelineAsync(string rule, string stream, string promptVersion, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var args = new { Rule = rule, Stream = stream, PromptVersion = promptVersion, Key = $"{rule}/{stream}/{promptVersion}" };
        var points = new List<AlertPoint>();
        foreach (var h in await connection.QueryAsync<(string FromState, string ToState, long At, string Reason, string? Notified, string? Evidence)>(
            new CommandDefinition(HistorySql, args, cancellationToken: cancellationToken)))
        {
            points.Add(new AlertPoint(DateTimeOffset.FromUnixTimeMilliseconds(h.At), $"{h.FromState} → {h.ToState}", h.Reason, null, Parse(h.Evidence)));
        }

        foreach (var n in await connection.QueryAsync<(string Id, string Kind, string Reason, long CreatedAt, string Payload)>(
            new CommandDefinition(NotificationsSql, args, cancellationToken: cancellationToken)))
        {
            using var payload = JsonDocument.Parse(n.Payload);
            var evidence = payload.RootElement.TryGetProperty("evidenceJson", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            points.Add(new AlertPoint(DateTimeOffset.FromUnixTimeMilliseconds(n.CreatedAt), $"notified: {n.Kind}", n.Reason, n.Id, Parse(evidence)));
        }

        return [.. points.OrderBy(p => p.At)];
    }

    public async Task<IReadOnlyList<DrivingSample>> SamplesAsync(string stream, string promptVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string InteractionId, string? PromptVersion, string? Model, long JudgedAt, long Hallucination, long Accuracy, long Tone, string Reason)>(
            new CommandDefinition(SamplesSql, new { Stream = stream, PromptVersion = promptVersion, From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), Limit = MaxSamples }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DrivingSample(r.InteractionId, r.PromptVersion, r.Model, DateTimeOffset.FromUnixTimeMilliseconds(r.JudgedAt), r.Hallucination == 1, (int)r.Accuracy, (int)r.Tone, r.Reason))];
    }

    private static AlertEvidence? Parse(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, AlertingJsonContext.Default.AlertEvidence);
}
