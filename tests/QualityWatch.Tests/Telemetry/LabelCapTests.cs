using Microsoft.Extensions.Options;
using QualityWatch.Redaction;
using QualityWatch.Telemetry;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>Label values past the caps are folded into <c>other</c>, so series stay bounded.</summary>
public sealed class LabelCapTests
{
    [Fact]
    public async Task PromptVersionsPastTheCap_AreCountedUnderOther_WithNothingLost()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Metrics:MaxPromptVersionsPerStream"] = "2" });

        // v1 once, v2 twice, v3 three times, v4 four times: which two keep their names depends on judging order,
        // but each named one must carry exactly its own count and other the rest.
        var batch = Some.Batch(10, i => Some.Interaction(promptVersion: "v" + (i switch { 0 => 1, < 3 => 2, < 6 => 3, _ => 4 }), response: "It shipped."));
        (await harness.Host.Client.PostAsync("/v1/interactions", Some.Json(batch))).EnsureSuccessStatusCode();
        Assert.Equal(10, (await harness.SettleAsync()).GetValueOrDefault("done"));

        var scrape = await MetricsScrape.FetchUntilAsync(harness.Host.Client, s => s.Sum("qualitywatch_verdicts_total") == 10);
        var values = scrape.LabelValues("qualitywatch_verdicts_total", "prompt_version").ToList();
        Assert.Equal(3, values.Count);
        Assert.Contains(LabelLimits.Other, values);
        var named = values.Where(v => v != LabelLimits.Other).ToList();
        Assert.All(named, v => Assert.Equal(int.Parse(v[1..], System.Globalization.CultureInfo.InvariantCulture), scrape.Sum("qualitywatch_verdicts_total", ("prompt_version", v))));
        Assert.Equal(10, scrape.Sum("qualitywatch_verdicts_total"));
        Assert.Equal(10 - named.Sum(v => scrape.Sum("qualitywatch_verdicts_total", ("prompt_version", v))), scrape.Sum("qualitywatch_verdicts_total", ("prompt_version", LabelLimits.Other)));
        Assert.Equal(values.Order(), scrape.LabelValues("qualitywatch_verdict_accuracy_count", "prompt_version").Order());
    }

    [Fact]
    public void Streams_PastTheCap_AreOther_AdmittedOnesKeepTheirNames()
    {
        var labels = Limits(new MetricsOptions { MaxStreams = 2 });

        Assert.Equal("a", labels.Stream("a"));
        Assert.Equal("b", labels.Stream("b"));
        Assert.Equal(LabelLimits.Other, labels.Stream("c"));
        Assert.Equal("a", labels.Stream("a"));
    }

    [Fact]
    public void PromptVersion_IsRedactedAndCut_AndMissingIsNone()
    {
        var labels = Limits(new MetricsOptions());

        Assert.DoesNotContain("jane.roe@example.com", labels.PromptVersion("s", "v1 for jane.roe@example.com"), StringComparison.Ordinal);
        Assert.Equal(LabelLimits.MaxLength, labels.PromptVersion("s", new string('x', 500)).Length);
        Assert.Equal(LabelLimits.None, labels.PromptVersion("s", null));
    }

    private static LabelLimits Limits(MetricsOptions options) =>
        new(Options.Create(options), new Redactor(Options.Create(new RedactionOptions())));
}
