using System.Text.Json.Nodes;
using Dapper;
using QualityWatch.Simulator.Faults;
using QualityWatch.Telemetry;

namespace QualityWatch.Tests.Support;

/// <summary>
/// Traffic that makes the QualityWatch series appear, through real ingest and the judge simulator:
/// a "support" stream watched by a hallucination_rate rule, and per round 10 support interactions over
/// two prompt versions (3 hallucinated, one scored 2 for accuracy, one carrying an email), 2 in the
/// default stream, a re-sent id and an item without a prompt.
/// </summary>
public static class MetricsTraffic
{
    public const string Email = "jane.roe@example.com";

    public const string Rule = "SupportHallucinations";

    public static Dictionary<string, string?> Settings => new()
    {
        ["Sampling:Streams:0:Name"] = "support",
        ["Sampling:Streams:0:Match:dataset"] = "customer-support-v2",
        ["Sampling:Streams:0:EveryN"] = "1",
        ["Alerting:EvaluationInterval"] = "00:00:01",
        ["Alerting:Rules:0:Name"] = Rule,
        ["Alerting:Rules:0:Kind"] = "hallucination_rate",
        // Rule 0 overrides the shipped hallucination-rate-high, which asks for its lower bound; this data is about the plumbing.
        ["Alerting:Rules:0:RequireLowerBound"] = "false",
        ["Alerting:Rules:0:Streams:0"] = "support",
        ["Alerting:Rules:0:Threshold"] = "0.1",
        ["Alerting:Rules:0:MinSamples"] = "4",
        ["Alerting:Rules:0:Window"] = "01:00:00",
        ["Metrics:StateRefreshInterval"] = "00:00:00",
    };

    /// <summary><see cref="Settings"/> plus <c>Judge:MaxAttempts</c> 1, so that a judge fault fails its sample.</summary>
    public static Dictionary<string, string?> SettingsWithFailures
    {
        get
        {
            var settings = Settings;
            settings["Judge:MaxAttempts"] = "1";

            // A budget large enough to change nothing, so the pacing gauges appear in the full scrape.
            settings["Sampling:Budget:Daily"] = "1000000";
            return settings;
        }
    }

    /// <summary>Posts one round; returns the ids of the support interactions.</summary>
    public static async Task<List<string>> PostRoundAsync(HttpClient client)
    {
        var dataset = new Dictionary<string, string> { ["dataset"] = "customer-support-v2" };
        var support = Some.Batch(10, i => Some.Interaction(
            prompt: i == 0 ? $"Please write to {Email} about my order" : "Where is my order?",
            response: i < 3 ? "It ships by drone tonight. [[hallucination]]" : i == 3 ? "Not sure. [[accuracy=2]]" : "It shipped on March 2.",
            promptVersion: i % 2 == 0 ? "support-v1" : "support-v2",
            labels: dataset));
        (await client.PostAsync("/v1/interactions", Some.Json(support))).EnsureSuccessStatusCode();
        (await client.PostAsync("/v1/interactions", Some.Json(Some.Batch(2)))).EnsureSuccessStatusCode();
        var ids = support.Select(n => n!["id"]!.GetValue<string>()).ToList();
        var again = new JsonArray(
            Some.Interaction(id: ids[0], labels: dataset),
            new JsonObject { ["id"] = "no-prompt", ["response"] = "r", ["labels"] = new JsonObject { ["dataset"] = "customer-support-v2" } });
        (await client.PostAsync("/v1/interactions", Some.Json(again))).EnsureSuccessStatusCode();
        return ids;
    }

    /// <summary>
    /// A round in which every kind of QualityWatch series moves: one judge call gets a malformed reply
    /// (with <see cref="SettingsWithFailures"/> its sample fails), and one notification is recorded.
    /// </summary>
    public static async Task FullRoundAsync(JudgeHarness harness)
    {
        harness.Simulator.Faults.Enqueue(SimulatedFault.MalformedReply());
        await PostRoundAsync(harness.Host.Client);
        await harness.SettleAsync();

        // The series the delivery runner feeds (proven end to end in NotificationMetricsTests), seeded
        // directly so the dashboard's notification panel has data without a channel to deliver to.
        harness.Host.Services.GetRequiredService<QualityWatchMetrics>().RecordNotification("email", NotificationOutcomes.Sent);

        // A canary run's row, seeded the same way (a real run judges 500 items; CanaryDriftTests runs them).
        using var connection = Db.Open(harness.DatabasePath);
        connection.Execute("""
            INSERT OR IGNORE INTO canary_runs (day, judge_model, rubric_version, item_set, tp, fp, tn, fn, unanswered, baseline_runs, baseline_tp, baseline_fp,
                                     baseline_tn, baseline_fn, drift, cost_usd, finished_at)
            VALUES (0, 'gemini-2.5-flash', 'v1', 'reference-v1', 85, 16, 384, 15, 0, 0, 0, 0, 0, 0, 0, 0.08, 1);
            """);

        SeedCalibrationLabels(harness.DatabasePath);
    }

    /// <summary>
    /// Fifty review labels for the support stream's judge model and rubric (20 judged yes, 15 of them true; 30 judged
    /// no, 1 of them true), seeded directly so a calibration exists and the corrected-rate gauge has a value. The
    /// path from <c>POST /v1/reviews</c> to the gauge is proven in Calibration/CorrectedRateSurfacesTests.
    /// </summary>
    public static void SeedCalibrationLabels(string databasePath)
    {
        using var connection = Db.Open(databasePath);
        var (model, rubric) = connection.QueryFirst<(string, string)>(
            "SELECT v.judge_model, v.rubric_version FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id WHERE s.stream = 'support' LIMIT 1;");
        for (var i = 0; i < 50; i++)
        {
            connection.Execute(
                """
                INSERT OR IGNORE INTO review_labels (interaction_id, reviewer, stream, hallucination, judged_hallucination, judge_model, rubric_version, version, created_at, updated_at)
                VALUES (@id, 'metrics-traffic', 'support', @truth, @judged, @model, @rubric, 1, 1, 1);
                """,
                new { id = $"calibration-label-{i}", truth = i < 15 || i == 20 ? 1 : 0, judged = i < 20 ? 1 : 0, model, rubric });
        }
    }
}
