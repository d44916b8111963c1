using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Bench.WebConsole;

/// <summary>
/// Fills a migrated database with samples and their verdicts in one transaction of prepared inserts: 3 streams,
/// 4 prompt_versions, 30 days, every sample judged, 8 % hallucinated; far faster than ingest, which is not measured here.
/// </summary>
internal static class ConsoleFill
{
    public static readonly string[] Streams = ["support", "sales", "default"];

    public static (double Seconds, string SomeId) Fill(string database, int count)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var sample = connection.CreateCommand();
        sample.Transaction = transaction;
        sample.CommandText =
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, context, model, prompt_version,
                                 sample_reason, status, attempts, updated_at, origin)
            VALUES ($id, $stream, $at, $at, $prompt, $response, $context, $model, $version, 'every_n', 'done', 1, $at, 'live');
            """;
        using var verdict = connection.CreateCommand();
        verdict.Transaction = transaction;
        verdict.CommandText =
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
                                  service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, judged_at)
            VALUES ($id, 'v1', $accuracy, 5, $h, $claims, 'bench', 'gemini', 'gemini-2.5-flash', 'flex', 'flex', 900, 1, 1400, 1300, 40, 60, 0.00015, $judged);
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$stream", "$at", "$prompt", "$response", "$context", "$model", "$version" })
        {
            p[name] = sample.Parameters.Add(name, SqliteType.Text);
        }

        var vid = verdict.Parameters.Add("$id", SqliteType.Text);
        var accuracy = verdict.Parameters.Add("$accuracy", SqliteType.Integer);
        var h = verdict.Parameters.Add("$h", SqliteType.Integer);
        var claims = verdict.Parameters.Add("$claims", SqliteType.Text);
        var judged = verdict.Parameters.Add("$judged", SqliteType.Integer);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var span = TimeSpan.FromDays(30).TotalMilliseconds;
        var random = new Random(16);
        string someId = "";
        for (var i = 0; i < count; i++)
        {
            var id = $"bench-{i:D8}";
            var at = now - (long)(span * (count - i) / count);
            var hallucinated = random.NextDouble() < 0.08;
            p["$id"].Value = id;
            p["$stream"].Value = Streams[i % Streams.Length];
            p["$at"].Value = at;
            p["$prompt"].Value = "Where is my order 118822?";
            p["$response"].Value = hallucinated ? "It ships by drone tonight. Thanks for waiting!" : "Your order shipped on March 2 with DHL.";
            p["$context"].Value = "Order 118822 shipped on 2026-03-02 with DHL.";
            p["$model"].Value = i % 2 == 0 ? "gpt-a" : "gpt-b";
            p["$version"].Value = "v" + (1 + (i * 4 / count)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sample.ExecuteNonQuery();
            vid.Value = id;
            accuracy.Value = hallucinated ? 2 : 5;
            h.Value = hallucinated ? 1 : 0;
            claims.Value = hallucinated ? "[\"It ships by drone tonight\"]" : "[]";
            judged.Value = at + 2000;
            verdict.ExecuteNonQuery();
            if (i == count / 2)
            {
                someId = id;
            }
        }

        transaction.Commit();
        return (watch.Elapsed.TotalSeconds, someId);
    }
}
