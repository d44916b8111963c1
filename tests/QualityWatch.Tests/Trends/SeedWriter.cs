using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Trends;

/// <summary>Writes samples, verdicts and volume rows straight into a service's database file (stream "support", model "m1").</summary>
public sealed class SeedWriter(string databasePath)
{
    public void Sample(string id, string occurredAt, string promptVersion, string status = "pending", string response = "Your order shipped.", string stream = "support")
    {
        using var connection = Db.Open(databasePath);
        connection.Execute(
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, model, prompt_version, sample_reason, status, updated_at)
            VALUES (@id, @stream, @occurred, @occurred, 'Where is my order?', @response, 'm1', @promptVersion, 'every_n', @status, @occurred);
            """,
            new { id, stream, occurred = TrendsDb.Ms(occurredAt), promptVersion, status, response });
    }

    public void Verdict(string id, bool hallucination, string judgedAt, int accuracy = 4, int tone = 4, double cost = 0.001, string claims = "[]")
    {
        using var connection = Db.Open(databasePath);
        var judged = TrendsDb.Ms(judgedAt);
        connection.Execute(
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
                                  service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens,
                                  thinking_tokens, cost_usd, judged_at)
            VALUES (@id, 'v1', @accuracy, @tone, @h, @claims, 'because', 'gemini', 'gemini-2.5-flash', 'flex', 'flex', 900, 1, 1000, 800, 50, 10, @cost, @judged);
            UPDATE samples SET status = 'done', updated_at = @judged WHERE interaction_id = @id;
            """,
            new { id, accuracy, tone, h = hallucination ? 1 : 0, claims, cost, judged });
    }

    public void Volume(string hourStart, long received, string promptVersion, string stream = "support")
    {
        using var connection = Db.Open(databasePath);
        connection.Execute(
            """
            INSERT INTO volume_hourly (stream, hour_start, prompt_version, model, received, duplicates, sampled)
            VALUES (@stream, @hour, @promptVersion, 'm1', @received, 0, 0)
            ON CONFLICT (stream, hour_start, prompt_version, model) DO UPDATE SET received = received + excluded.received;
            """,
            new { stream, hour = TrendsDb.Ms(hourStart), promptVersion, received });
    }
}
