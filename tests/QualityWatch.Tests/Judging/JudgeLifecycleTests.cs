using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

public sealed class JudgeLifecycleTests
{
    [Fact]
    public async Task Shutdown_WithCallsInFlight_ReleasesTheLeasesWithoutBurningAttempts()
    {
        await using var harness = await JudgeHarness.StartAsync();
        harness.Simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(30));

        await harness.SendAsync("One.", "Two.");
        await harness.SettleAsync(until: c => c.GetValueOrDefault("leased") == 2);
        await harness.StopHostAsync();

        var rows = Db.Query<(string Status, long Attempts)>(harness.DatabasePath, "SELECT status, attempts FROM samples");
        Assert.Equal([("pending", 0L), ("pending", 0L)], rows);
        Assert.Equal(0, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
    }

    [Fact]
    public async Task Kill9_MidCall_AfterRestartEverySampleIsJudgedExactlyOnce()
    {
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        // Calls long enough that a loaded machine still kills the service while they are in flight.
        simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(4));
        using var temp = new TempDirectory();
        var environment = JudgeHarness.ProcessEnvironment(simulator.BaseAddress, temp.DatabasePath);
        environment["Judge__LeaseDuration"] = "00:00:10";
        environment["Judge__RequestTimeout"] = "00:00:08";

        List<string> ids;
        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            var batch = Some.Batch(6);
            (await client.PostAsync("/v1/interactions", Some.Json(batch))).EnsureSuccessStatusCode();
            ids = [.. batch.Select(n => n!["id"]!.GetValue<string>())];

            // Four calls arrived at the judge and inside its 4 s latency: kill the service under them.
            await Eventually.TrueAsync(() => simulator.Stats.JudgeRequestTimes.Count >= 4, TimeSpan.FromSeconds(30));
            Assert.True(simulator.Stats.JudgeRequestTimes.Count >= 4, $"only {simulator.Stats.JudgeRequestTimes.Count} calls reached the judge");
            service.Kill();
        }

        Assert.True(Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'leased'") > 0);
        await using (var restarted = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'done'") >= ids.Count, TimeSpan.FromSeconds(90));
        }

        Assert.Equal(ids.Count, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'done'"));
        var verdicts = Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM verdicts");
        Assert.Equal(ids.Order(), verdicts.Order());

        // At-least-once calls: the killed calls were made again after the restart.
        Assert.True(simulator.Stats.JudgeRequestTimes.Count > ids.Count, $"{simulator.Stats.JudgeRequestTimes.Count} calls for {ids.Count} samples");
    }

    [Fact]
    public async Task Kill9_WhileSamplesAreLeased_ARestartJudgesThemLongBeforeTheLeaseExpires_WithoutChargingAnAttempt()
    {
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        // Calls that cannot answer before the kill: each sample is leased and its attempt counted.
        simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromMinutes(30));
        using var temp = new TempDirectory();
        var environment = JudgeHarness.ProcessEnvironment(simulator.BaseAddress, temp.DatabasePath);
        environment["Judge__RequestTimeout"] = "00:40:00";
        environment["Judge__LeaseDuration"] = "00:45:00";
        const string Leased = "SELECT COUNT(*) FROM samples WHERE status = 'leased' AND attempts = 1";

        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            (await client.PostAsync("/v1/interactions", Some.Json(Some.Batch(3)))).EnsureSuccessStatusCode();
            Assert.True(
                await Eventually.TrueAsync(() => simulator.Stats.Waiting == 3 && Db.Scalar<long>(temp.DatabasePath, Leased) == 3, TimeSpan.FromSeconds(60)),
                $"{simulator.Stats.Waiting} calls waiting at the judge, {Db.Scalar<long>(temp.DatabasePath, Leased)} samples leased");
            service.Kill();
        }

        simulator.Faults.Latency.Clear();
        await using (var restarted = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            // Generous for a loaded machine, yet a fraction of the 45 min lease the samples would otherwise wait out.
            Assert.True(
                await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'done'") == 3, TimeSpan.FromMinutes(2)),
                "the killed process's samples were not judged after the restart:\n" + restarted.Output);
        }

        // The killed calls were never answered: the attempt they counted was given back, so each verdict is attempt 1.
        Assert.Equal([1L, 1L, 1L], Db.Query<long>(temp.DatabasePath, "SELECT attempts FROM samples"));
        Assert.Equal([1L, 1L, 1L], Db.Query<long>(temp.DatabasePath, "SELECT attempts FROM verdicts"));
    }
}
