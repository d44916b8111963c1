using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using QualityWatch.Simulator;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Backfill;

/// <summary>
/// The acceptance run of issue 7: 5,000 historical interactions backfilled through the Gemini Batch
/// API of the simulator, interrupted after submission (jobs in flight), one job expired, then resumed.
/// </summary>
public sealed partial class BatchBackfillAcceptanceTests
{
    [Fact]
    public async Task FiveThousandInteractions_ThroughBatch_InterruptExpireResume_EachJudgedOnceAtHalfPrice()
    {
        using var temp = new TempDirectory();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl.gz"), BackfillLogs.Lines(5000, TimeSpan.FromSeconds(30)));
        var settings = BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?>
        {
            ["Batch:MaxRequestsPerJob"] = "2000",
            ["Batch:MaxInlineBytes"] = "10000000", // 2,000 requests go as an uploaded file, the last 1,000 inline
            ["Batch:PollInterval"] = "00:00:00.050",
            ["Batch:MaxPollInterval"] = "00:00:00.200",
        });
        string[] args = [log, "--every", "1", "--mode", "batch", "--yes"];

        // Jobs are submitted but never finish while held: the run is stopped between submission and collection.
        simulator.Batches.Hold();
        using var interrupt = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            if (await Eventually.TrueAsync(() => simulator.Batches.Created >= 3 && RunningJobs(temp.DatabasePath) >= 3, TimeSpan.FromMinutes(10)))
            {
                await interrupt.CancelAsync();
            }
        });
        var first = await BackfillRunner.RunAsync(temp.DatabasePath, settings, interrupt.Token, args);
        await watch;
        Assert.True(first.Exit == 130, first.Output + first.Errors);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        var estimate = decimal.Parse(BatchEstimate().Match(first.Output).Groups["usd"].Value, CultureInfo.InvariantCulture);

        // While it was down, one job expired and the others finished.
        Assert.True(simulator.Batches.Expire(Db.Scalar<string>(temp.DatabasePath, "SELECT remote_name FROM batch_jobs ORDER BY id LIMIT 1")));
        simulator.Batches.Release();

        var second = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, args);

        Assert.True(second.Exit == 0, second.Output + second.Errors);
        Assert.Contains("Sampled 5,000: 0 newly stored, 0 newly queued", second.Output, StringComparison.Ordinal);
        Assert.Equal(5000, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(DISTINCT interaction_id) FROM verdicts WHERE service_tier = 'batch'"));
        Assert.Equal(5000, simulator.Stats.DistinctJudgedTexts);
        Assert.Equal(1, simulator.Stats.MaxVerdictsForOneText);
        Assert.Equal(4, simulator.Batches.Created); // three submitted once, the expired one's samples once more
        Assert.Equal(["expired", "done", "done", "done"], Db.Query<string>(temp.DatabasePath, "SELECT state FROM batch_jobs ORDER BY id"));
        Assert.True(Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM batch_jobs WHERE input_file IS NOT NULL") >= 2, "2,000-request jobs go as uploaded files");
        Assert.True(Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM batch_jobs WHERE input_file IS NULL") >= 1, "the 1,000-request job goes inline");

        // The estimate made before anything was sent matches what was billed.
        var billed = simulator.Stats.Billed["batch"];
        Assert.Equal(5000, billed.Answers);
        Assert.InRange(estimate, billed.Usd * 0.9m, billed.Usd * 1.1m);
        var recorded = (decimal)Db.Scalar<double>(temp.DatabasePath, "SELECT SUM(cost_usd) FROM verdicts");
        Assert.InRange(recorded, billed.Usd * 0.99m, billed.Usd * 1.01m);

        // Past days fill in.
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        var from = BackfillLogs.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var trends = JsonDocument.Parse(await host.Client.GetStringAsync($"/v1/trends?granularity=day&from={from}"));
        var judged = trends.RootElement.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("judged").GetInt64());
        Assert.Equal(5000, judged);
        Assert.True(trends.RootElement.GetProperty("buckets").EnumerateArray().All(b => b.GetProperty("start").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddDays(-1)));

        // Batch costs half of standard per verdict, as the simulator bills it.
        using var other = new TempDirectory();
        var standardLog = BackfillLogs.Write(Path.Combine(other.Path, "std.jsonl"), BackfillLogs.Lines(50, TimeSpan.FromMinutes(1), "std"));
        var standard = await BackfillRunner.RunAsync(other.DatabasePath, settings, default, standardLog, "--every", "1", "--mode", "standard", "--yes");
        Assert.True(standard.Exit == 0, standard.Output + standard.Errors);
        var std = simulator.Stats.Billed["standard"];
        var ratio = (billed.Usd / billed.Answers) / (std.Usd / std.Answers);
        Assert.InRange(ratio, 0.45m, 0.55m);
    }

    private static long RunningJobs(string database)
    {
        try
        {
            return Db.Scalar<long>(database, "SELECT COUNT(*) FROM batch_jobs WHERE state = 'running'");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"batch\s+\$(?<usd>[\d,.]+)")]
    private static partial Regex BatchEstimate();
}
