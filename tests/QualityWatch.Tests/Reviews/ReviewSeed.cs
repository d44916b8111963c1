using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reviews;

/// <summary>
/// Judged samples in each stratum, written as ingest and then the judge would: the sample first, its verdict
/// after, so the review pool fills through its trigger as it does in the service.
/// </summary>
public static class ReviewSeed
{
    private const string SampleSql =
        """
        INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, context, model, prompt_version, sample_reason, status, updated_at)
        VALUES (@Id, @stream, @at, @at, 'Where is my order?', @Response, 'Order 118822 shipped via DHL.', 'm1', @promptVersion, @reason, @status, @at);
        """;

    private const string VerdictSql =
        """
        INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
            service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, judged_at)
        VALUES (@Id, @rubric, 3, 4, @Hallucination, @Claims, 'seeded', 'fake', @judgeModel, 'flex', 'flex', 10, 1, 100, 0, 10, 0, 0, @at);
        """;

    /// <summary><paramref name="yes"/> samples the judge called hallucinated and <paramref name="no"/> it called clean; the ids of each.</summary>
    public static (List<string> Yes, List<string> No) Judged(
        string databasePath, int yes, int no, string stream = "default", string promptVersion = "v1", string reason = "every_n",
        string judgeModel = "judge-a", string rubric = "v1", DateTimeOffset? occurredAt = null)
    {
        var at = (occurredAt ?? DateTimeOffset.UtcNow.AddHours(-1)).ToUnixTimeMilliseconds();
        var yesIds = Enumerable.Range(0, yes).Select(_ => Some.Id()).ToList();
        var noIds = Enumerable.Range(0, no).Select(_ => Some.Id()).ToList();
        using var connection = Db.Open(databasePath);
        using var transaction = connection.BeginTransaction();
        foreach (var (id, bad) in yesIds.Select(i => (i, true)).Concat(noIds.Select(i => (i, false))))
        {
            var response = bad ? $"Your refund of $40 was issued on March 3. ({id})" : $"Your order shipped yesterday. ({id})";
            connection.Execute(SampleSql, new { Id = id, stream, at, Response = response, promptVersion, reason, status = "done" }, transaction);
            var claims = bad ? "[\"Your refund of $40 was issued on March 3.\"]" : "[]";
            connection.Execute(VerdictSql, new { Id = id, rubric, Hallucination = bad ? 1 : 0, Claims = claims, judgeModel, at }, transaction);
        }

        transaction.Commit();
        return (yesIds, noIds);
    }

    /// <summary>A sample still waiting for the judge.</summary>
    public static string Pending(string databasePath)
    {
        var id = Some.Id();
        using var connection = Db.Open(databasePath);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        connection.Execute(SampleSql, new { Id = id, stream = "default", at, Response = "Soon.", promptVersion = "v1", reason = "every_n", status = "pending" });
        return id;
    }

    /// <summary>A boost running for another hour for <paramref name="promptVersion"/>, as the sampler records it.</summary>
    public static void BoostRunning(string databasePath, string promptVersion, string stream = "default")
    {
        using var connection = Db.Open(databasePath);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        connection.Execute(
            """
            INSERT INTO sampling_versions (stream, dimension, value, first_seen, last_seen, boost_until, boost_counter, boost_sampled)
            VALUES (@stream, 'prompt_version', @promptVersion, @now, @now, @until, 0, 0);
            """,
            new { stream, promptVersion, now, until = now + 3_600_000 });
    }
}
