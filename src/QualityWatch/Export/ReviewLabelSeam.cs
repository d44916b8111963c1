using System.Data.Common;
using Dapper;

namespace QualityWatch.Export;

/// <summary>
/// SEAM (issue 19 item 5): review labels live in the <c>review_labels</c> table that the reviews feature
/// adds in its own migration. This build may not have it yet, so the export asks the schema: with the table,
/// each line carries <c>reviews</c> and <c>reviewed=</c> filters on it; without it, <c>reviews</c> is left
/// out, <c>reviewed=true</c> matches nothing and <c>reviewed=false</c> everything. Once the reviews migration
/// is merged this switches on by itself; only the columns read in <see cref="ReadAsync"/> are assumed.
/// </summary>
internal static class ReviewLabelSeam
{
    private const string ExistsSql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'review_labels';";

    private const string ReadSql =
        """
        SELECT interaction_id AS InteractionId, reviewer AS Reviewer, hallucination AS Hallucination, accuracy AS Accuracy,
               tone AS Tone, note AS Note, updated_at AS UpdatedAtMs
        FROM review_labels WHERE interaction_id IN @ids ORDER BY updated_at;
        """;

    /// <summary>The SQL condition that a sample <c>s</c> was reviewed, for the filter.</summary>
    public const string ReviewedCondition = "EXISTS (SELECT 1 FROM review_labels r WHERE r.interaction_id = s.interaction_id)";

    public static async Task<bool> ExistsAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<long>(ExistsSql) > 0;

    public static async Task<ILookup<string, ExportReview>> ReadAsync(DbConnection connection, IReadOnlyCollection<string> ids)
    {
        var rows = await connection.QueryAsync<ReviewRow>(ReadSql, new { ids });
        return rows.Select(r => new ExportReview
        {
            InteractionId = r.InteractionId,
            Reviewer = r.Reviewer,
            Hallucination = r.Hallucination == 1,
            Accuracy = (int?)r.Accuracy,
            Tone = (int?)r.Tone,
            Note = r.Note,
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAtMs),
        }).ToLookup(r => r.InteractionId, StringComparer.Ordinal);
    }

    private sealed record ReviewRow(string InteractionId, string Reviewer, long Hallucination, long? Accuracy, long? Tone, string? Note, long UpdatedAtMs);
}
