using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Judging;

namespace QualityWatch.Backfill;

/// <summary>Reads the redacted text of leased pairs, in the shape the judge providers take.</summary>
internal static class SampleTexts
{
    public static async Task<IReadOnlyList<SampleForJudging>> ReadAsync(SqliteConnection connection, IReadOnlyList<(string Id, long Attempts)> leased, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT interaction_id AS InteractionId, stream AS Stream, prompt AS Prompt, response AS Response, context AS Context, prompt_version AS PromptVersion
            FROM samples WHERE interaction_id IN @ids;
            """;
        if (leased.Count == 0)
        {
            return [];
        }

        var attempts = leased.ToDictionary(l => l.Id, l => (int)l.Attempts, StringComparer.Ordinal);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { ids = attempts.Keys.ToArray() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SampleForJudging(r.InteractionId, r.Stream, r.Prompt, r.Response, r.Context, attempts[r.InteractionId], null, null, r.PromptVersion))];
    }

    private sealed record Row(string InteractionId, string Stream, string Prompt, string Response, string? Context, string? PromptVersion);
}
