using System.Text.Json;
using Dapper;
using QualityWatch.Judging;
using QualityWatch.Storage;

namespace QualityWatch.Reports;

/// <summary>What the report reads beyond rollups: the worst examples and the alerts that fired.</summary>
internal sealed class ReportQueries(SqliteConnectionFactory connections, CurrentRubric rubric)
{
    // version_verdicts (migration 0020) holds the order keys beside the filter, so its index yields the first rows in
    // order: a LIMIT read of a few index entries instead of sorting every verdict of the version.
    internal const string WorstOfPromptVersionSql =
        """
        SELECT s.interaction_id AS InteractionId, COALESCE(s.prompt_version, '') AS PromptVersion, v.accuracy AS Accuracy,
               s.response AS Response, v.unsupported_claims AS Claims, v.reason AS Reason, s.prompt AS Prompt, s.context AS Context
        FROM version_verdicts k
        JOIN samples s ON s.interaction_id = k.interaction_id
        JOIN verdicts v ON v.interaction_id = k.interaction_id AND v.rubric_version = k.rubric_version
        WHERE k.stream = @stream AND k.prompt_version = @value AND k.rubric_version = @rubric
        ORDER BY k.hallucination DESC, k.accuracy, k.judged_at DESC, k.interaction_id
        LIMIT @limit;
        """;

    internal const string WorstOfModelSql =
        """
        SELECT s.interaction_id AS InteractionId, COALESCE(s.prompt_version, '') AS PromptVersion, v.accuracy AS Accuracy,
               s.response AS Response, v.unsupported_claims AS Claims, v.reason AS Reason, s.prompt AS Prompt, s.context AS Context
        FROM version_verdicts k
        JOIN samples s ON s.interaction_id = k.interaction_id
        JOIN verdicts v ON v.interaction_id = k.interaction_id AND v.rubric_version = k.rubric_version
        WHERE k.stream = @stream AND k.model = @value AND k.rubric_version = @rubric
        ORDER BY k.hallucination DESC, k.accuracy, k.judged_at DESC, k.interaction_id
        LIMIT @limit;
        """;

    /// <summary>Up to <paramref name="limit"/> hallucinated samples of a stream in [start, end), lowest accuracy first.</summary>
    public async Task<IReadOnlyList<WorstExample>> WorstAsync(string stream, long start, long end, int limit, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT s.interaction_id AS InteractionId, COALESCE(s.prompt_version, '') AS PromptVersion, v.accuracy AS Accuracy,
                   s.response AS Response, v.unsupported_claims AS Claims, v.reason AS Reason, s.prompt AS Prompt, s.context AS Context
            FROM samples s JOIN verdicts v ON v.interaction_id = s.interaction_id
            WHERE s.stream = @stream AND s.occurred_at >= @start AND s.occurred_at < @end AND v.hallucination = 1 AND v.rubric_version = @rubric
            ORDER BY v.accuracy, v.judged_at DESC, s.interaction_id
            LIMIT @limit;
            """;
        if (limit == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorstRow>(sql, new { stream, start, end, limit, rubric = rubric.Version });
        return [.. rows.Select(r => new WorstExample(r.InteractionId, r.PromptVersion, (int)r.Accuracy, r.Response, Claims(r.Claims), r.Reason, r.Prompt, r.Context))];
    }

    /// <summary>
    /// Up to <paramref name="limit"/> worst judged samples of one prompt_version (or model) of a stream: hallucinated first,
    /// then lowest accuracy, newest first; every verdict under the current rubric, so a version with no hallucination still shows its weakest.
    /// </summary>
    public async Task<IReadOnlyList<WorstExample>> WorstOfVersionAsync(string stream, bool byModel, string value, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorstRow>(byModel ? WorstOfModelSql : WorstOfPromptVersionSql, new { stream, value, limit, rubric = rubric.Version });
        return [.. rows.Select(r => new WorstExample(r.InteractionId, r.PromptVersion, (int)r.Accuracy, r.Response, Claims(r.Claims), r.Reason, r.Prompt, r.Context))];
    }

    /// <summary>Alerts that went to firing in [start, end), from alerting's transition history.</summary>
    public async Task<IReadOnlyList<AlertFired>> AlertsFiredAsync(long start, long end, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT rule AS Rule, NULLIF(stream, '') AS Stream, NULLIF(prompt_version, '') AS PromptVersion, at AS At
            FROM alert_history WHERE to_state = 'firing' AND at >= @start AND at < @end ORDER BY at;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(sql, new { start, end });
        return [.. rows.Select(r => new AlertFired(r.Rule, r.Stream, r.PromptVersion, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))];
    }

    private static List<string> Claims(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // Classes, not positional records: SQLite reports no column type for an expression over zero
    // rows, and Dapper then cannot match a constructor.
    private sealed class WorstRow
    {
        public string InteractionId { get; set; } = "";
        public string PromptVersion { get; set; } = "";
        public long Accuracy { get; set; }
        public string Response { get; set; } = "";
        public string Claims { get; set; } = "[]";
        public string Reason { get; set; } = "";
        public string Prompt { get; set; } = "";
        public string? Context { get; set; }
    }

    private sealed class AlertRow
    {
        public string Rule { get; set; } = "";
        public string? Stream { get; set; }
        public string? PromptVersion { get; set; }
        public long At { get; set; }
    }
}
