using System.Text.Json;
using Dapper;
using QualityWatch.Judging;
using QualityWatch.Storage;

namespace QualityWatch.Alerting;

/// <summary>
/// Verdict windows for the alert rules. Windows are over <c>verdicts.judged_at</c>, not the sample's
/// occurred_at: a verdict is evidence from the moment it exists, so late-judged samples (a judge backlog)
/// still count, and a window never changes after the fact. When a sample was judged under several
/// rubric versions only the current rubric's verdict counts, and backfilled history never drives a live alert.
/// </summary>
internal sealed class VerdictQueries(SqliteConnectionFactory connections, CurrentRubric rubric)
{
    private const string CellsSql =
        """
        SELECT s.stream AS Stream, COALESCE(s.prompt_version, '') AS PromptVersion, COALESCE(s.model, '') AS Model,
               COUNT(*) AS Samples, SUM(v.hallucination) AS Hallucinations, SUM(v.accuracy) AS AccuracySum, SUM(v.tone) AS ToneSum
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE v.judged_at > @From AND v.judged_at <= @To
          AND v.rubric_version = @Rubric AND s.origin = 'live'
        GROUP BY s.stream, COALESCE(s.prompt_version, ''), COALESCE(s.model, '')
        ORDER BY s.stream, COALESCE(s.prompt_version, ''), COALESCE(s.model, '');
        """;

    internal async Task<IReadOnlyList<WindowCell>> CellsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WindowCell>(new CommandDefinition(
            CellsSql, new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), Rubric = rubric.Version }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private const string ExamplesSql =
        """
        SELECT s.interaction_id AS InteractionId, COALESCE(s.prompt_version, '') AS PromptVersion, COALESCE(s.model, '') AS Model,
               v.accuracy AS Accuracy, v.tone AS Tone, v.hallucination AS Hallucination, s.response AS Response,
               v.unsupported_claims AS UnsupportedClaims
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE s.stream = @Stream AND v.judged_at > @From AND v.judged_at <= @To
          AND (@PromptVersion IS NULL OR COALESCE(s.prompt_version, '') = @PromptVersion)
          AND (@HallucinatedOnly = 0 OR v.hallucination = 1) AND v.rubric_version = @Rubric AND s.origin = 'live'
        ORDER BY CASE @OrderBy WHEN 'accuracy' THEN v.accuracy WHEN 'tone' THEN v.tone ELSE 0 END, v.judged_at DESC
        LIMIT 3;
        """;

    /// <summary>Up to 3 example samples: hallucinated ones, or the lowest-scored by <paramref name="orderBy"/> (accuracy / tone).</summary>
    public async Task<IReadOnlyList<EvidenceExample>> ExamplesAsync(
        string stream, string? promptVersion, DateTimeOffset from, DateTimeOffset to, bool hallucinatedOnly, string? orderBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExampleRow>(new CommandDefinition(ExamplesSql, new
        {
            Stream = stream,
            PromptVersion = promptVersion,
            From = from.ToUnixTimeMilliseconds(),
            To = to.ToUnixTimeMilliseconds(),
            HallucinatedOnly = hallucinatedOnly ? 1 : 0,
            OrderBy = orderBy ?? "",
            Rubric = rubric.Version,
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new EvidenceExample(
            r.InteractionId, r.PromptVersion, r.Model, (int)r.Accuracy, (int)r.Tone, r.Hallucination == 1, r.Response, Claims(r.UnsupportedClaims)))];
    }

    private static string[] Claims(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, AlertingJsonContext.Default.StringArray) ?? [];
        }
        catch (JsonException)
        {
            return [json];
        }
    }
}
