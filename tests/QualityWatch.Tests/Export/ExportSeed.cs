using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Export;

/// <summary>
/// Four samples ingested through POST /v1/interactions (so redaction and routing are the real ones), verdicts
/// written as the judge writes them, and review labels in the reviews feature's table shape:
/// A support v1 m1 11-01, newest verdict hallucination acc 2 tone 4, a PII email in its prompt;
/// B support v2 m2 11-02, verdict clean acc 5 tone 5, reviewed (the reviewer says hallucination, accuracy 2);
/// C default v1 m1 11-03 (team=x), no verdict;
/// D support v2 m1 11-04 (team=x), an old hallucination verdict and a newer clean one, acc 3 tone 2.
/// </summary>
internal static class ExportSeed
{
    public const string IngestKey = "export-ingest-key-0123456789";
    public const string ReadKey = "export-read-key-0123456789";
    public const string Email = "jane.doe@example.com";
    public const string Dataset = "customer-support-v2";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Sampling:EveryN"] = "1",
        ["Sampling:Streams:0:Name"] = "support",
        ["Sampling:Streams:0:EveryN"] = "1",
        ["Sampling:Streams:0:Match:dataset"] = Dataset,
        ["Auth:Keys:0:Name"] = "shipper",
        ["Auth:Keys:0:Key"] = IngestKey,
        ["Auth:Keys:0:Roles:0"] = "ingest",
        ["Auth:Keys:1:Name"] = "notebook",
        ["Auth:Keys:1:Key"] = ReadKey,
        ["Auth:Keys:1:Roles:0"] = "read",
    };

    public static async Task<Dictionary<string, string>> IngestAsync(InProcessHost host, bool withReviews = true)
    {
        var ids = new Dictionary<string, string> { ["A"] = Some.Id(), ["B"] = Some.Id(), ["C"] = Some.Id(), ["D"] = Some.Id() };
        var support = new Dictionary<string, string> { ["dataset"] = Dataset };
        JsonObject[] items =
        [
            Some.Interaction(ids["A"], prompt: $"I am {Email}, where is my order?", timestamp: "2026-11-01T10:00:00Z", promptVersion: "v1", model: "m1", labels: support),
            Some.Interaction(ids["B"], timestamp: "2026-11-02T10:00:00Z", promptVersion: "v2", model: "m2", context: "Order 7 shipped.", labels: support),
            Some.Interaction(ids["C"], timestamp: "2026-11-03T10:00:00Z", promptVersion: "v1", model: "m1", labels: new Dictionary<string, string> { ["team"] = "x" }),
            Some.Interaction(ids["D"], timestamp: "2026-11-04T10:00:00Z", promptVersion: "v2", model: "m1", labels: new Dictionary<string, string> { ["dataset"] = Dataset, ["team"] = "x" }),
        ];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interactions") { Content = Some.Ndjson(items) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        (await host.Client.SendAsync(request)).EnsureSuccessStatusCode();

        using var db = Db.Open(host.DatabasePath);
        Verdict(db, ids["A"], "v1", true, 2, 4, "2026-11-05T00:00:00Z");
        Verdict(db, ids["B"], "v1", false, 5, 5, "2026-11-05T00:00:00Z");
        Verdict(db, ids["D"], "v0", true, 1, 1, "2026-11-05T00:00:00Z");
        Verdict(db, ids["D"], "v1", false, 3, 2, "2026-11-06T00:00:00Z");
        if (withReviews)
        {
            Review(db, ids["B"], hallucination: true, accuracy: 2);
        }

        return ids;
    }

    private static void Verdict(Microsoft.Data.Sqlite.SqliteConnection db, string id, string rubric, bool hallucination, int accuracy, int tone, string at) =>
        db.Execute(
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
                service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, judged_at)
            VALUES (@id, @rubric, @accuracy, @tone, @hallucination, '[]', 'judged', 'gemini', 'gemini-2.5-flash', 'flex', 'flex', 10, 1, 100, 0, 10, 0, 0.0001, @at);
            """,
            new { id, rubric, accuracy, tone, hallucination = hallucination ? 1 : 0, at = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() });

    /// <summary>The review_labels columns the export reads, as the reviews feature's migration creates them.</summary>
    private static void Review(Microsoft.Data.Sqlite.SqliteConnection db, string id, bool hallucination, int accuracy)
    {
        db.Execute(
            """
            CREATE TABLE IF NOT EXISTS review_labels (
                interaction_id TEXT NOT NULL, reviewer TEXT NOT NULL, stream TEXT NOT NULL, hallucination INTEGER NOT NULL,
                accuracy INTEGER NULL, tone INTEGER NULL, note TEXT NULL, judged_hallucination INTEGER NOT NULL, judge_model TEXT NOT NULL,
                rubric_version TEXT NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (interaction_id, reviewer)) WITHOUT ROWID;
            """);
        db.Execute(
            """
            INSERT INTO review_labels VALUES (@id, 'alice', 'support', @hallucination, @accuracy, NULL, 'invented a refund', 0, 'gemini-2.5-flash', 'v1', 1, 1, 1);
            """,
            new { id, hallucination = hallucination ? 1 : 0, accuracy });
    }
}
