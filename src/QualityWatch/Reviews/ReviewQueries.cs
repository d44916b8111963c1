using Dapper;
using QualityWatch.Statistics;
using QualityWatch.Storage;

namespace QualityWatch.Reviews;

/// <summary>Read-only queries over labels, for the API and the console.</summary>
internal sealed class ReviewQueries(SqliteConnectionFactory connections)
{
    internal const string LabelColumns =
        """
        interaction_id AS InteractionId, reviewer AS Reviewer, stream AS Stream, hallucination AS Hallucination, accuracy AS Accuracy,
        tone AS Tone, note AS Note, judged_hallucination AS JudgedHallucination, judge_model AS JudgeModel, rubric_version AS RubricVersion,
        version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <summary>Current labels, the most recently changed first; <paramref name="stream"/> null = every stream.</summary>
    public async Task<IReadOnlyList<LabelView>> ListAsync(string? stream, int limit, CancellationToken cancellationToken)
    {
        const string all = $"SELECT {LabelColumns} FROM review_labels ORDER BY updated_at DESC LIMIT @limit;";
        const string oneStream = $"SELECT {LabelColumns} FROM review_labels WHERE stream = @stream ORDER BY updated_at DESC LIMIT @limit;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(stream is null ? all : oneStream, new { stream, limit });
        return [.. rows.Select(r => r.ToView())];
    }

    /// <summary>Every version of one reviewer's label on a sample, oldest first.</summary>
    public async Task<IReadOnlyList<LabelView>> HistoryAsync(string interactionId, string reviewer, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT h.interaction_id AS InteractionId, h.reviewer AS Reviewer, l.stream AS Stream, h.hallucination AS Hallucination,
                   h.accuracy AS Accuracy, h.tone AS Tone, h.note AS Note, h.judged_hallucination AS JudgedHallucination,
                   h.judge_model AS JudgeModel, h.rubric_version AS RubricVersion, h.version AS Version,
                   l.created_at AS CreatedAt, h.labelled_at AS UpdatedAt
            FROM review_label_history h JOIN review_labels l ON l.interaction_id = h.interaction_id AND l.reviewer = h.reviewer
            WHERE h.interaction_id = @interactionId AND h.reviewer = @reviewer ORDER BY h.version;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(sql, new { interactionId, reviewer });
        return [.. rows.Select(r => r.ToView())];
    }

    /// <summary>Labels so far per stratum (the judge's answer they were compared against), every reviewer.</summary>
    public async Task<StratumCounts> CountByStratumAsync(string? stream, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT COALESCE(SUM(judged_hallucination = 1), 0) AS JudgedYes, COALESCE(SUM(judged_hallucination = 0), 0) AS JudgedNo
            FROM review_labels WHERE @stream IS NULL OR stream = @stream;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<StratumCounts>(sql, new { stream });
    }

    /// <summary>Labels so far by the judge's answer and the reviewer's, every reviewer; <paramref name="stream"/> null = every stream.</summary>
    public async Task<JudgeLabelCounts> ConfusionAsync(string? stream, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT COALESCE(SUM(judged_hallucination = 1 AND hallucination = 1), 0) AS TruePositives,
                   COALESCE(SUM(judged_hallucination = 1 AND hallucination = 0), 0) AS FalsePositives,
                   COALESCE(SUM(judged_hallucination = 0 AND hallucination = 0), 0) AS TrueNegatives,
                   COALESCE(SUM(judged_hallucination = 0 AND hallucination = 1), 0) AS FalseNegatives
            FROM review_labels WHERE @stream IS NULL OR stream = @stream;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long, long, long, long)>(sql, new { stream });
        return new JudgeLabelCounts(row.Item1, row.Item2, row.Item3, row.Item4);
    }

    /// <summary>The population the queue draws from: judged samples, and those the judge called hallucinated.</summary>
    public async Task<(long JudgedPositive, long Judged)> PoolAsync(string? stream, CancellationToken cancellationToken)
    {
        // Counted through the draw indexes (judged is their first or second column), without touching the table.
        const string sql = "SELECT COUNT(*), COALESCE(SUM(judged), 0) FROM review_pool WHERE @stream IS NULL OR stream = @stream;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (judged, positive) = await connection.QuerySingleAsync<(long, long)>(sql, new { stream });
        return (positive, judged);
    }
}
