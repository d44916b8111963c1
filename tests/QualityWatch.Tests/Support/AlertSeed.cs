using Dapper;

namespace QualityWatch.Tests.Support;

/// <summary>Writes samples and verdicts straight into the database, as ingest and the judge would.</summary>
public static class AlertSeed
{
    public sealed record Row(
        DateTimeOffset JudgedAt,
        bool Hallucinated,
        string Stream = "default",
        string? PromptVersion = "v1",
        string? Model = "m1",
        int Accuracy = 4,
        int Tone = 4,
        string Response = "Your order shipped yesterday and arrives Friday.",
        string Claims = "[]",
        string Status = "done",
        DateTimeOffset? ReceivedAt = null);

    private const string SampleSql =
        """
        INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, model, prompt_version, sample_reason, status, updated_at)
        VALUES (@Id, @Stream, @At, @ReceivedAt, 'Where is my order?', @Response, @Model, @PromptVersion, 'every_n', @Status, @At);
        """;

    private const string VerdictSql =
        """
        INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
            service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, judged_at)
        VALUES (@Id, 'v1', @Accuracy, @Tone, @Hallucination, @Claims, 'test', 'fake', 'judge', 'flex', 'flex', 10, 1, 100, 0, 10, 0, 0, @At);
        """;

    /// <summary>Inserts the rows in one transaction; rows with Status other than done get a sample only. Returns the ids.</summary>
    public static List<string> Insert(string databasePath, IEnumerable<Row> rows)
    {
        using var connection = Db.Open(databasePath);
        using var transaction = connection.BeginTransaction();
        var ids = new List<string>();
        foreach (var row in rows)
        {
            var id = Some.Id();
            var at = row.JudgedAt.ToUnixTimeMilliseconds();
            connection.Execute(SampleSql, new
            {
                Id = id,
                row.Stream,
                At = at,
                ReceivedAt = (row.ReceivedAt ?? row.JudgedAt).ToUnixTimeMilliseconds(),
                row.Response,
                row.Model,
                row.PromptVersion,
                row.Status,
            }, transaction);
            if (row.Status == "done")
            {
                connection.Execute(VerdictSql, new { Id = id, row.Accuracy, row.Tone, Hallucination = row.Hallucinated ? 1 : 0, row.Claims, At = at }, transaction);
            }

            ids.Add(id);
        }

        transaction.Commit();
        return ids;
    }

    /// <summary><paramref name="count"/> verdicts spread evenly over (end − span, end], <paramref name="hallucinated"/> of them hallucinated, evenly interleaved (the newest first).</summary>
    public static IEnumerable<Row> Spread(DateTimeOffset end, TimeSpan span, int count, int hallucinated, string? promptVersion = "v1", string stream = "default")
    {
        for (var i = 0; i < count; i++)
        {
            var at = end - (span * (count - 1 - i) / count);
            var bad = ((count - 1 - i) * (long)hallucinated / count) != ((count - i) * (long)hallucinated / count);
            yield return new Row(at, bad, stream, promptVersion, Claims: bad ? "[\"The refund was issued on March 3.\"]" : "[]", Response: bad ? $"Refund issued on March 3 [EMAIL_REDACTED] #{i}" : "Your order shipped yesterday.");
        }
    }
}
