using System.Globalization;
using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>
/// The shipped dashboard and rules against the real Prometheus: it scrapes a running QualityWatch (real
/// port, real SQLite file, judged traffic) with the repository's prometheus.yml and rules.yml, and every
/// dashboard query and every rule is run through its HTTP API.
/// </summary>
public sealed class PrometheusProofTests
{
    // What Grafana substitutes: one selected stream, and windows covering the whole (short) test.
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["stream"] = "support",
        ["datasource"] = "qualitywatch-prometheus",
        ["__rate_interval"] = "1m",
        ["__interval"] = "15s",
        ["__range"] = "1h",
    };

    [Fact]
    public async Task EveryDashboardQueryAndRule_ReturnsDataFromARealPrometheus()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: MetricsTraffic.SettingsWithFailures);

        // Round one creates the series; round two, while Prometheus watches, makes rate() and increase() see them move.
        await MetricsTraffic.FullRoundAsync(harness);
        await using var prometheus = await PrometheusServer.StartAsync(Config(harness.Host.Client.BaseAddress!));
        await prometheus.WaitUntilTargetsUpAsync();
        await MetricsTraffic.FullRoundAsync(harness);

        var verdicts = Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts");
        await prometheus.WaitUntilAsync($"Prometheus to have scraped all {verdicts} verdicts", async () =>
            (await prometheus.VectorAsync("sum(qualitywatch_verdicts_total)")).Select(Value).SingleOrDefault() == verdicts);
        var rules = await prometheus.RulesAsync();
        var recorded = rules.Where(r => r.GetProperty("type").GetString() == "recording").Select(r => r.GetProperty("name").GetString()!).ToList();
        await prometheus.WaitUntilAsync("every recording rule to have a value", async () =>
        {
            foreach (var name in recorded)
            {
                if ((await prometheus.VectorAsync(name)).Length == 0)
                {
                    return false;
                }
            }

            return true;
        });

        // The core panel shows what the database says: the support stream's hallucination share in the rule window.
        var (hallucinated, judged) = Db.Query<(long, long)>(harness.DatabasePath,
            "SELECT SUM(v.hallucination), COUNT(*) FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id WHERE s.stream = 'support'").Single();
        Assert.True(hallucinated > 0 && judged > hallucinated);
        var queries = DashboardQueries.Load(Variables);
        var core = queries.Single(q => q.Raw.StartsWith("qualitywatch_hallucination_ratio{", StringComparison.Ordinal));
        var rate = Assert.Single(await prometheus.VectorAsync(core.Expr));
        Assert.Equal((double)hallucinated / judged, Value(rate), precision: 9);
        var threshold = queries.Single(q => q.Raw.StartsWith("qualitywatch_hallucination_threshold_ratio{", StringComparison.Ordinal));
        Assert.Equal(0.1, Value(Assert.Single(await prometheus.VectorAsync(threshold.Expr))), precision: 9);

        // Every other panel query parses and has data.
        Assert.True(queries.Count >= 20, $"only {queries.Count} queries in the dashboard");
        foreach (var query in queries)
        {
            var result = await prometheus.VectorAsync(query.Expr);
            Assert.True(result.Length > 0, $"Panel '{query.Panel}' ({query.RefId}) returned no data: {query.Expr}");
        }

        // The stream variable's label_values() source has the streams.
        foreach (var (metric, label) in DashboardQueries.VariableQueries())
        {
            var streams = (await prometheus.VectorAsync(metric)).Select(s => s.GetProperty("metric").GetProperty(label).GetString()).ToHashSet();
            Assert.Contains("support", streams);
        }

        // Rules: all evaluate without error; the recorded series exist (waited for above); the mirror of the
        // built-in alerts fires because the service's own rule fires.
        Assert.True(rules.Length >= 10, $"only {rules.Length} rules loaded");
        foreach (var rule in rules)
        {
            Assert.True(rule.GetProperty("health").GetString() == "ok", $"rule {rule.GetProperty("name")}: {rule}");
            await prometheus.VectorAsync(rule.GetProperty("query").GetString()!);
        }

        Assert.Equal("alerting", rules.Single(r => r.GetProperty("name").GetString() == "QualityWatchAlertFiring").GetProperty("type").GetString());
        await prometheus.WaitUntilAsync("QualityWatchAlertFiring to fire", async () =>
            (await prometheus.RulesAsync()).Single(r => r.GetProperty("name").GetString() == "QualityWatchAlertFiring").GetProperty("state").GetString() == "firing");

        // Only names the service exports (or the rules record) appear in any expression.
        var scrape = await MetricsScrape.FetchAsync(harness.Host.Client);
        var known = scrape.Samples.Select(s => s.Name).Concat(recorded).ToHashSet(StringComparer.Ordinal);
        var expressions = queries.Select(q => q.Expr).Concat(rules.Select(r => r.GetProperty("query").GetString()!));
        var unknown = expressions.SelectMany(PromqlNames.Of).Where(n => !known.Contains(n)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Expressions refer to names the service does not export: " + string.Join(", ", unknown));
    }

    /// <summary>The repository's prometheus.yml, pointed at the test's service, scraping and evaluating every second.</summary>
    private static string Config(Uri service)
    {
        var config = File.ReadAllText(RepoRoot.File("dashboards", "prometheus", "prometheus.yml"));
        return Replace(Replace(Replace(config, "127.0.0.1:8080", service.Authority), "15s", "1s"), "- rules.yml", "- " + RepoRoot.File("dashboards", "prometheus", "rules.yml"));
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.True(text.Contains(old, StringComparison.Ordinal), $"dashboards/prometheus/prometheus.yml no longer contains '{old}'");
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static double Value(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
}
