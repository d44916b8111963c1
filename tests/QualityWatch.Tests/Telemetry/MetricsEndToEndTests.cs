using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>
/// Real ingest and real judging through the simulator, then <c>GET /metrics</c> over HTTP: the series
/// say what happened, in the numbers the database holds.
/// </summary>
public sealed class MetricsEndToEndTests
{
    [Fact]
    public async Task Scrape_AfterIngestAndJudging_CountsWhatWasPostedJudgedAndStored()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: MetricsTraffic.Settings);
        var client = harness.Host.Client;

        await MetricsTraffic.PostRoundAsync(client);
        Assert.Equal(12, (await harness.SettleAsync()).GetValueOrDefault("done"));

        var scrape = await MetricsScrape.FetchUntilAsync(client, s =>
            s.Sum("qualitywatch_verdicts_total") == 12 &&
            s.Sum("qualitywatch_alert_instances", ("rule", MetricsTraffic.Rule), ("state", "firing")) == 1);

        // Ingest and verdict counters agree with what the database holds, stream by stream.
        foreach (var (stream, received, duplicates, sampled) in Db.Query<(string, long, long, long)>(
            harness.DatabasePath, "SELECT stream, SUM(received), SUM(duplicates), SUM(sampled) FROM volume_hourly GROUP BY stream"))
        {
            Assert.Equal(received, scrape.Sum("qualitywatch_interactions_received_total", ("stream", stream)));
            Assert.Equal(duplicates, scrape.Sum("qualitywatch_interactions_duplicates_total", ("stream", stream)));
            Assert.Equal(sampled, scrape.Sum("qualitywatch_samples_taken_total", ("stream", stream)));
        }

        foreach (var (stream, hallucination, count) in Db.Query<(string, long, long)>(
            harness.DatabasePath, "SELECT s.stream, v.hallucination, COUNT(*) FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id GROUP BY 1, 2"))
        {
            Assert.Equal(count, scrape.Sum("qualitywatch_verdicts_total", ("stream", stream), ("hallucination", hallucination == 1 ? "yes" : "no")));
        }

        Assert.Equal(10, scrape.Sum("qualitywatch_interactions_received_total", ("stream", "support")));
        Assert.Equal(2, scrape.Sum("qualitywatch_interactions_received_total", ("stream", "default")));
        Assert.Equal(1, scrape.Sum("qualitywatch_interactions_duplicates_total", ("stream", "support")));
        Assert.Equal(1, scrape.Sum("qualitywatch_interactions_rejected_total", ("stream", "support")));
        Assert.Equal(10, scrape.Sum("qualitywatch_samples_taken_total", ("stream", "support"), ("reason", "every_n")));
        Assert.Equal(
            Db.Scalar<long>(harness.DatabasePath, "SELECT SUM(json_extract(redactions, '$.email')) FROM samples"),
            scrape.Sum("qualitywatch_pii_redactions_total", ("type", "email")));
        Assert.Equal(1, scrape.Sum("qualitywatch_pii_redactions_total", ("type", "email")));

        // Judge: every call succeeded in flex; latency observed once per call.
        Assert.Equal(12, scrape.Sum("qualitywatch_judge_requests_total", ("provider", "gemini"), ("tier", "flex"), ("outcome", "success")));
        Assert.Equal(12, scrape.Sum("qualitywatch_judge_duration_seconds_count", ("outcome", "success")));
        var (prompt, cached, output, thinking, cost) = Db.Query<(long, long, long, long, double)>(
            harness.DatabasePath, "SELECT SUM(prompt_tokens), SUM(cached_tokens), SUM(output_tokens), SUM(thinking_tokens), SUM(cost_usd) FROM verdicts").Single();
        Assert.Equal(prompt, scrape.Sum("qualitywatch_judge_tokens_total", ("type", "prompt")));
        Assert.Equal(cached, scrape.Sum("qualitywatch_judge_tokens_total", ("type", "cached")));
        Assert.Equal(output, scrape.Sum("qualitywatch_judge_tokens_total", ("type", "output")));
        Assert.Equal(thinking, scrape.Sum("qualitywatch_judge_tokens_total", ("type", "thinking")));
        Assert.True(cost > 0);
        Assert.Equal(cost, scrape.Sum("qualitywatch_judge_cost_usd_total", ("model", "gemini-2.5-flash")), precision: 9);

        // Verdicts by stream, prompt_version and hallucination; scores as one bucket per score.
        Assert.Equal(2, scrape.Sum("qualitywatch_verdicts_total", ("stream", "support"), ("prompt_version", "support-v1"), ("hallucination", "yes")));
        Assert.Equal(1, scrape.Sum("qualitywatch_verdicts_total", ("stream", "support"), ("prompt_version", "support-v2"), ("hallucination", "yes")));
        Assert.Equal(7, scrape.Sum("qualitywatch_verdicts_total", ("stream", "support"), ("hallucination", "no")));
        Assert.Equal(2, scrape.Sum("qualitywatch_verdicts_total", ("stream", "default"), ("prompt_version", "none")));
        Assert.Equal(10, scrape.Sum("qualitywatch_verdict_accuracy_count", ("stream", "support")));
        Assert.Equal(1, scrape.Sum("qualitywatch_verdict_accuracy_bucket", ("stream", "support"), ("le", "2")));
        Assert.Equal(10, scrape.Sum("qualitywatch_verdict_tone_bucket", ("stream", "support"), ("le", "5")));
        Assert.Equal(0, scrape.Sum("qualitywatch_verdict_tone_bucket", ("stream", "support"), ("le", "4")));

        // Database-backed gauges: nothing waits, 3 of 10 hallucinated against the rule's 10 %, and the rule fires.
        Assert.Equal(0, scrape.Sum("qualitywatch_queue_samples", ("status", "pending")));
        Assert.True(scrape.Has("qualitywatch_queue_samples", ("stream", "support"), ("status", "leased")));
        Assert.Equal(0, scrape.Sum("qualitywatch_queue_oldest_age_seconds", ("stream", "support")));
        Assert.Equal(0.3, scrape.Sum("qualitywatch_hallucination_ratio", ("stream", "support")), precision: 9);
        Assert.Equal(0.1, scrape.Sum("qualitywatch_hallucination_threshold_ratio", ("stream", "support")), precision: 9);
        Assert.Equal(10, scrape.Sum("qualitywatch_hallucination_window_verdicts", ("stream", "support")));
        Assert.Equal(1, scrape.Sum("qualitywatch_alert_instances", ("rule", MetricsTraffic.Rule), ("stream", "support"), ("state", "firing")));
        Assert.Equal(0, scrape.Sum("qualitywatch_alert_instances", ("rule", MetricsTraffic.Rule), ("stream", "support"), ("state", "resolved")));

        // Group commits: the three requests' 13 valid items, each committed once.
        Assert.Equal(13, scrape.Sum("qualitywatch_ingest_commit_interactions_sum"));
        Assert.True(scrape.Sum("qualitywatch_ingest_commit_duration_seconds_count") >= 1);
        Assert.Equal(0, scrape.Sum("qualitywatch_ingest_queue_requests"));

        // Nothing sent in a payload, and no key, is ever a label.
        Assert.DoesNotContain(MetricsTraffic.Email, scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(JudgeHarness.GeminiKey, scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("no-prompt", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_JudgeReplyInvalidAndOutOfAttempts_CountsTheOutcomeAndTheFailedSample()
    {
        await using var harness = await JudgeHarness.StartAsync("openai", new Dictionary<string, string?> { ["Judge:MaxAttempts"] = "1" });
        harness.Simulator.Faults.Enqueue(SimulatedFault.MalformedReply());

        await harness.SendAsync("It shipped on March 2.");
        Assert.Equal(1, (await harness.SettleAsync()).GetValueOrDefault("failed"));

        var scrape = await MetricsScrape.FetchUntilAsync(harness.Host.Client, s => s.Sum("qualitywatch_samples_failed_total") == 1);
        Assert.Equal(1, scrape.Sum("qualitywatch_judge_requests_total", ("provider", "openai"), ("outcome", "invalid_reply")));
        Assert.Equal(0, scrape.Sum("qualitywatch_judge_requests_total", ("outcome", "success")));
        Assert.Equal(1, scrape.Sum("qualitywatch_samples_failed_total", ("stream", "default")));
        Assert.Equal(0, scrape.Sum("qualitywatch_verdicts_total"));
    }

    [Fact]
    public async Task Scrape_TwoHostsInOneProcess_EachCountsOnlyItsOwnTraffic()
    {
        using var tempA = new TempDirectory();
        using var tempB = new TempDirectory();
        await using var a = await InProcessHost.StartAsync(tempA.DatabasePath);
        await using var b = await InProcessHost.StartAsync(tempB.DatabasePath);

        (await b.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(3)))).EnsureSuccessStatusCode();
        (await a.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(1)))).EnsureSuccessStatusCode();

        var scrapeB = await MetricsScrape.FetchUntilAsync(b.Client, s => s.Sum("qualitywatch_interactions_received_total") >= 3);
        var scrapeA = await MetricsScrape.FetchUntilAsync(a.Client, s => s.Sum("qualitywatch_interactions_received_total") >= 1);
        Assert.Equal(3, scrapeB.Sum("qualitywatch_interactions_received_total"));
        Assert.Equal(1, scrapeA.Sum("qualitywatch_interactions_received_total"));
    }
}
