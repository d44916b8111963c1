using System.Data.Common;
using Dapper;

namespace QualityWatch.Export;

/// <summary>
/// The review labels an export carries, from the reviews feature's <c>review_labels</c> table (migration 0016): each
/// line's <c>reviews</c>, and the condition behind the <c>reviewed=</c> filter.
/// </summary>
internal static class ExportReviewLabels
{
    private const string ReadSql =
        """
        SELECT interaction_id AS InteractionId, reviewer AS Reviewer, hallucination AS Hallucination, accuracy AS Accuracy,
               tone AS Tone, note AS Note, updated_at AS UpdatedAtMs
        FROM review_labels WHERE interaction_id IN @ids ORDER BY updated_at;
        """;

    /// <summary>The SQL condition that a sample <c>s</c> was reviewed, for the filter.</summary>
    public const string ReviewedCondition = "EXISTS (SELECT 1 FROM review_labels r WHERE r.interaction_id = s.interaction_id)";

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
