using QualityWatch.Alerting;
using QualityWatch.Simulator;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Backfill;

/// <summary><c>--rejudge --rubric v2</c>: both verdicts kept, while trends and alerts read the current rubric only.</summary>
public sealed class RejudgeTests
{
    [Fact]
    public async Task Rejudge_KeepsBothVerdicts_TrendsCountEachSampleOnceWithCurrentRubric()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl"), BackfillLogs.Lines(20, TimeSpan.FromMinutes(2)));
        var settings = BackfillRunner.Settings(simulator.BaseAddress);
        var first = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "standard", "--yes");
        Assert.True(first.Exit == 0, first.Output + first.Errors);

        var dry = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, "--rejudge", "--rubric", "v2", "--dry-run");
        Assert.True(dry.Exit == 0, dry.Output + dry.Errors);
        Assert.Contains("Estimate for 20 samples with gemini-2.5-flash, rubric v2", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work WHERE rubric_version = 'v2'"));

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, "--rejudge", "--rubric", "v2", "--mode", "standard", "--yes");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("20 stored samples newly queued", output, StringComparison.Ordinal);
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE rubric_version = 'v1'"));
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE rubric_version = 'v2'"));

        // A different rubric is a different prompt: the v2 calls did not reuse the v1 cache.
        Assert.Equal(2, simulator.Stats.CachedContentNames.Count);

        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        var day = BackfillLogs.Start.ToUnixTimeMilliseconds();
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT judged FROM trend_rollups WHERE granularity = 'day' AND bucket_start = @day", new { day }));
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT hallucinations FROM trend_rollups WHERE granularity = 'day' AND bucket_start = @day", new { day }));
        var v1Cost = Db.Scalar<double>(temp.DatabasePath, "SELECT SUM(cost_usd) FROM verdicts WHERE rubric_version = 'v1'");
        Assert.Equal(v1Cost, Db.Scalar<double>(temp.DatabasePath, "SELECT cost_usd FROM trend_rollups WHERE granularity = 'day' AND bucket_start = @day", new { day }), 6);

        // Backfilled history, judged just now, must not page anyone as if it were live traffic.
        var cells = await host.Services.GetRequiredService<VerdictQueries>().CellsAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Empty(cells);
    }
}
