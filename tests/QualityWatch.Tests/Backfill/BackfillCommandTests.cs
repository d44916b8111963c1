using QualityWatch.Simulator;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Backfill;

/// <summary>The backfill command in flex/standard mode against the simulator over loopback HTTP, on a real SQLite file.</summary>
public sealed class BackfillCommandTests
{
    [Fact]
    public async Task DryRun_ReportsBadLinesAndEstimate_AndStoresNothing()
    {
        using var temp = new TempDirectory();
        var lines = BackfillLogs.Lines(20, TimeSpan.FromMinutes(10)).ToList();
        lines.Insert(3, "{ not json");
        lines.Insert(7, """{"id":"no-time","prompt":"p","response":"r"}""");
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "logs", "day1.jsonl"), lines);

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, new Dictionary<string, string?>(), default, log, "--every", "2", "--dry-run");

        Assert.True(exit == 0, output + errors);
        Assert.Contains($"{log}:4: invalid JSON", errors, StringComparison.Ordinal);
        Assert.Contains($"{log}:8: timestamp is required for backfill", errors, StringComparison.Ordinal);
        Assert.Contains("Read 22 lines from 1 file(s): 2 skipped as invalid", output, StringComparison.Ordinal);
        Assert.Contains("Estimate for 10 samples", output, StringComparison.Ordinal);
        Assert.Matches(@"standard\s+\$[\d.]+\n\s+flex\s+\$[\d.]+.*\n\s+batch\s+\$[\d.]+", output.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work"));
    }

    [Fact]
    public async Task Backfill_JudgesSampledHistoryIntoItsOwnHours_RedactedAndOnlyOnce()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        var dir = Path.Combine(temp.Path, "logs");
        BackfillLogs.Write(Path.Combine(dir, "a.jsonl"), BackfillLogs.Lines(30, TimeSpan.FromMinutes(10), "a"));
        BackfillLogs.Write(Path.Combine(dir, "b.jsonl.gz"), BackfillLogs.Lines(30, TimeSpan.FromMinutes(10), "b"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a log");
        var settings = BackfillRunner.Settings(simulator.BaseAddress);

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, dir, "--every", "3", "--mode", "standard", "--yes");

        Assert.True(exit == 0, output + errors);
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE rubric_version = 'v1'"));
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE origin = 'backfill' AND status = 'done'"));
        Assert.Equal(20, simulator.Stats.DistinctJudgedTexts);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE prompt LIKE '%@example.com%'"));
        Assert.Equal(60, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(received) FROM volume_hourly"));
        Assert.Matches(@"judged 20/20 \(100%\)", output);
        Assert.DoesNotContain('\r', output);

        // A re-run stores, queues and sends nothing new.
        var calls = simulator.Stats.Records.Count;
        var again = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, dir, "--every", "3", "--mode", "standard", "--yes");
        Assert.True(again.Exit == 0, again.Output + again.Errors);
        Assert.Contains("Sampled 20: 0 newly stored, 0 newly queued", again.Output, StringComparison.Ordinal);
        Assert.Equal(calls, simulator.Stats.Records.Count);
        Assert.Equal(60, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(received) FROM volume_hourly"));

        // Verdicts fold into the interactions' own (past) hours.
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        var firstHour = BackfillLogs.Start.ToUnixTimeMilliseconds();
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(judged) FROM trend_rollups WHERE granularity = 'hour' AND bucket_start = @firstHour", new { firstHour }));
        Assert.Equal(20, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(judged) FROM trend_rollups WHERE granularity = 'day' AND bucket_start = @firstHour", new { firstHour }));
    }

    [Fact]
    public async Task Interrupt_ThenRerun_ResumesAndEverySampleGetsOneVerdict()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions
        {
            GeminiApiKey = JudgeHarness.GeminiKey,
            Faults = new() { Latency = { ["*"] = "fixed 100ms" } },
        });
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl"), BackfillLogs.Lines(60, TimeSpan.FromMinutes(5)));
        var settings = BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?> { ["Judge:MaxConcurrency"] = "2" });
        using var interrupt = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            if (await Eventually.TrueAsync(() => File.Exists(temp.DatabasePath) && BackfillRunner.Verdicts(temp.DatabasePath) >= 10, TimeSpan.FromMinutes(10)))
            {
                await interrupt.CancelAsync();
            }
        });

        var first = await BackfillRunner.RunAsync(temp.DatabasePath, settings, interrupt.Token, log, "--every", "1", "--mode", "flex", "--yes");
        await watch;

        Assert.Equal(130, first.Exit);
        Assert.Contains("Interrupted:", first.Output, StringComparison.Ordinal);
        var judgedBefore = Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts");
        Assert.InRange(judgedBefore, 10, 59);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work WHERE status = 'leased'"));

        var second = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "flex", "--yes");

        Assert.True(second.Exit == 0, second.Output + second.Errors);
        Assert.Contains($"judged {60 - judgedBefore}/{60 - judgedBefore}", second.Output, StringComparison.Ordinal);
        Assert.Equal(60, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(DISTINCT interaction_id) FROM verdicts"));
        Assert.Equal(60, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));

        // Only calls in flight at the interrupt may have been answered without a verdict being kept.
        Assert.InRange(simulator.Stats.Records.Count(r => r.StatusCode == 200), 60, 62);
    }
}
