using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Stats;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill;

/// <summary>
/// Backfill decides a failed call with the live worker's policy: a spent daily quota gives the attempt back
/// and pauses the judge until the next UTC midnight (see JudgeFaultTests for the live side). The command
/// then stops instead of waiting; a re-run is the operator's go-ahead and judges at once.
/// </summary>
public sealed class BackfillFailurePolicyTests
{
    [Fact]
    public async Task Backfill_DailyQuota_RefundsAndPausesLikeTheLiveWorker_StopsAndARerunResumes()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        simulator.Faults.Enqueue(SimulatedFault.DailyQuotaExhausted());
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl"), BackfillLogs.Lines(5, TimeSpan.FromMinutes(10)));
        var settings = BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?> { ["Judge:MaxConcurrency"] = "1" });
        var midnights = new[] { NextUtcMidnight(), DateTimeOffset.MinValue };

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "standard", "--yes");

        midnights[1] = NextUtcMidnight();
        Assert.True(exit == 1, output + errors);
        Assert.Contains("stopped early: DailyQuota:", errors, StringComparison.Ordinal);
        Assert.Contains("the judge is paused until", errors, StringComparison.Ordinal);
        Assert.Equal(1, simulator.Stats.Records.Count(r => r.Kind == EndpointKind.GenerateContent));
        Assert.Equal(5, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work WHERE status = 'pending' AND attempts = 0"));
        var paused = Db.Query<(string Kind, long Next, string Error)>(temp.DatabasePath, "SELECT failure_kind, next_attempt_at, last_error FROM backfill_work WHERE last_error IS NOT NULL").Single();
        Assert.Equal("DailyQuota", paused.Kind);
        Assert.StartsWith("DailyQuota:", paused.Error, StringComparison.Ordinal);
        Assert.Contains(DateTimeOffset.FromUnixTimeMilliseconds(paused.Next), midnights);

        var again = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "standard", "--yes");

        Assert.True(again.Exit == 0, again.Output + again.Errors);
        Assert.Equal(5, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work WHERE failure_kind IS NOT NULL OR status <> 'done'"));
    }

    private static DateTimeOffset NextUtcMidnight() => new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
