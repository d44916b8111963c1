using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill;

/// <summary>The batch paths the acceptance run does not reach: a crash inside the create call, and result lines that fail.</summary>
public sealed class BatchRecoveryTests
{
    /// <summary>A log of 15 interactions and settings that poll batch jobs every 50-200 ms.</summary>
    private static (string Log, Dictionary<string, string?> Settings) Fifteen(TempDirectory temp, JudgeSimulator simulator, string prefix) =>
        (BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl"), BackfillLogs.Lines(15, TimeSpan.FromMinutes(1), prefix)),
         BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?> { ["Batch:PollInterval"] = "00:00:00.050", ["Batch:MaxPollInterval"] = "00:00:00.200" }));

    [Fact]
    public async Task CrashDuringCreate_JobReachedTheApi_IsAdoptedByName_NotSubmittedAgain()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        var (log, settings) = Fifteen(temp, simulator, "crash");
        string[] args = [log, "--every", "1", "--mode", "batch", "--yes"];

        // The job is created at the API, but the process dies before the reply tells it the job's name.
        simulator.Batches.StallCreateReplies = true;
        using var crash = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            if (await Eventually.TrueAsync(() => simulator.Batches.Created >= 1, TimeSpan.FromMinutes(10)))
            {
                await crash.CancelAsync();
            }
        });
        var first = await BackfillRunner.RunAsync(temp.DatabasePath, settings, crash.Token, args);
        await watch;
        Assert.True(first.Exit == 130, first.Output + first.Errors);
        Assert.Equal(["creating"], Db.Query<string>(temp.DatabasePath, "SELECT state FROM batch_jobs"));

        simulator.Batches.StallCreateReplies = false;
        var second = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, args);

        Assert.True(second.Exit == 0, second.Output + second.Errors);
        Assert.Equal(1, simulator.Batches.Created);
        Assert.Equal(["done"], Db.Query<string>(temp.DatabasePath, "SELECT state FROM batch_jobs"));
        Assert.Equal(simulator.Batches.DisplayNames, Db.Query<string>(temp.DatabasePath, "SELECT display_name FROM batch_jobs"));
        Assert.Equal(15, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(1, simulator.Stats.MaxVerdictsForOneText);
    }

    [Fact]
    public async Task FailedResultLines_AreRetriedAlone_InTheNextJob()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        var (log, settings) = Fifteen(temp, simulator, "lines");

        // The first two lines of the first job: an error item, then a reply that is no verdict.
        simulator.Faults.Enqueue(SimulatedFault.InternalError(), SimulatedFault.MalformedReply());
        var run = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "batch", "--yes");

        Assert.True(run.Exit == 0, run.Output + run.Errors);
        Assert.Equal(2, simulator.Batches.Created);
        Assert.Equal([15L, 2L], Db.Query<long>(temp.DatabasePath, "SELECT requests FROM batch_jobs ORDER BY id"));
        Assert.Equal(15, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(15, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(DISTINCT interaction_id) FROM verdicts"));
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM backfill_work WHERE attempts = 2 AND status = 'done'"));
    }
}
