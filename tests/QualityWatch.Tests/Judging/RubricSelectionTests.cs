using Microsoft.Extensions.Options;
using QualityWatch.Alerting;
using QualityWatch.Hosting;
using QualityWatch.Judging;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Judging;

/// <summary><c>Judge:Rubric</c>: the rubric the live judge sends, and the one whose verdicts trends and alerts count.</summary>
public sealed class RubricSelectionTests
{
    [Fact]
    public async Task Service_SwitchedToRubricV3_SendsV3_StoresV3Verdicts_AndTrendsAndAlertsCountOnlyThose()
    {
        // Two clean answers judged with the default rubric, rolled up, then the service restarted on v3.
        await using var harness = await JudgeHarness.StartAsync("gemini", Settings());
        await harness.SendAsync("It shipped on March 2 with DHL.", "It shipped on March 2.");
        await harness.SettleAsync();
        await harness.Host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        await harness.StopHostAsync();
        var sentBefore = harness.Simulator.Stats.Instructions;

        await harness.StartHostAsync("gemini", Settings("v3"));
        var ids = await harness.SendAsync("It shipped by drone. [[hallucination]]", "You get a 50% refund. [[hallucination]]", "It shipped with DHL.");
        Assert.Equal(5, (await harness.SettleAsync()).GetValueOrDefault("done"));

        // What the judge received: v1's prefix before the switch, v3's after it, each in a cache of its own.
        var v3 = Rubric.Load("v3").Text;
        Assert.Equal([Rubric.Load("v1").Text], sentBefore);
        Assert.Contains(v3, harness.Simulator.Stats.Instructions);
        Assert.Equal(2, harness.Simulator.Stats.CachedContentNames.Count);
        var stored = Db.Query<(string Id, string Rubric)>(harness.DatabasePath, "SELECT interaction_id, rubric_version FROM verdicts");
        Assert.Equal(ids.Order(), stored.Where(v => v.Rubric == "v3").Select(v => v.Id).Order());
        Assert.Equal(2, stored.Count(v => v.Rubric == "v1"));

        // Trends: all five samples, judged only by v3's three verdicts, two of them hallucinated.
        await harness.Host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        var hours = Db.Query<(long Sampled, long Judged, long Hallucinations)>(
            harness.DatabasePath, "SELECT SUM(sampled), SUM(judged), SUM(hallucinations) FROM trend_rollups WHERE granularity = 'hour'").Single();
        Assert.Equal((5L, 3L, 2L), hours);

        // Alerts: the rule windows and the rate gauge see v3's verdicts, not the v1 ones of the same hour.
        var now = DateTimeOffset.UtcNow;
        var cells = await harness.Host.Services.GetRequiredService<VerdictQueries>().CellsAsync(now.AddHours(-1), now.AddMinutes(1), CancellationToken.None);
        Assert.Equal((3L, 2L), (cells.Sum(c => c.Samples), cells.Sum(c => c.Hallucinations)));
        var stream = Assert.Single(cells.Select(c => c.Stream).Distinct());
        var (samples, hallucinations) = await harness.Host.Services.GetRequiredService<CusumStore>().CountAsync(stream, null, now.AddHours(-1), now.AddMinutes(1), CancellationToken.None);
        Assert.Equal((3L, 2L), (samples, hallucinations));
        var scrape = await MetricsScrape.FetchUntilAsync(harness.Host.Client, s => s.Has("qualitywatch_hallucination_window_verdicts", ("stream", stream)));
        Assert.Equal(3, scrape.Sum("qualitywatch_hallucination_window_verdicts", ("stream", stream)));
        Assert.Equal(2.0 / 3, scrape.Sum("qualitywatch_hallucination_ratio", ("stream", stream)), precision: 9);
    }

    [Fact]
    public void Build_UnknownRubric_FailsNamingTheKeyAndTheShippedRubrics()
    {
        using var temp = new TempDirectory();

        var ex = Assert.Throws<OptionsValidationException>(() => QualityWatchApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = temp.DatabasePath,
                ["Judge:Rubric"] = "v9",
            })));

        Assert.Contains("Judge:Rubric must be one of the rubrics built into this QualityWatch (v1, v2, v3), was 'v9'.", ex.Failures);
    }

    private static Dictionary<string, string?> Settings(string? rubric = null)
    {
        var settings = new Dictionary<string, string?> { ["Metrics:StateRefreshInterval"] = "00:00:00" };
        if (rubric is not null)
        {
            settings["Judge:Rubric"] = rubric;
        }

        return settings;
    }
}
