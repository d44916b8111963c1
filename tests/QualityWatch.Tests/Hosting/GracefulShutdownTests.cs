using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>SIGTERM to the real process, as systemd and docker stop send it.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_UnderIngestWithJudgeCallsHanging_Exits0WithinShutdownTimeout_EverythingAcceptedStored_LeasesReleased_RollupsFlushed_WalCheckpointed()
    {
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(60));
        using var temp = new TempDirectory();

        // The calls hang far longer than the whole shutdown may take: the grace must cut them off.
        var environment = Environment(simulator, temp, timeout: ShortTimeout, grace: TimeSpan.FromSeconds(2));

        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        int exitCode;
        string output;
        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            await UntilAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM trend_state") == 1);
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 3).Select(sender => Task.Run(async () =>
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var batch = Some.Batch(20, i => Some.Interaction($"s{sender}-r{round}-i{i}"));
                    var ids = batch.Select(n => n!["id"]!.GetValue<string>()).ToList();
                    try
                    {
                        using var response = await client.PostAsync("/v1/interactions", Some.Json(batch));
                        var target = response.IsSuccessStatusCode ? acknowledged : response.StatusCode == HttpStatusCode.ServiceUnavailable ? refused : null;
                        ids.ForEach(id => target?.Add(id));
                    }
                    catch (HttpRequestException)
                    {
                        return; // the listener is closed
                    }
                }
            })).ToArray();

            // Ingest is flowing and four judge calls hang in the simulator: stop the service under both.
            await UntilAsync(() => acknowledged.Count >= 200 && Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'leased'") == 4);
            service.Terminate();

            // Within Shutdown:Timeout; the margin is for the runtime's own exit on a loaded machine.
            exitCode = await service.WaitForExitAsync(ShortTimeout + ExitMargin);
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            output = service.Output;
        }

        Assert.True(exitCode == 0, output);

        var stored = Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM samples").ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        var storedThoughRefused = refused.Where(stored.Contains).ToList();
        Assert.Empty(lost);
        Assert.Empty(storedThoughRefused);

        // The four calls in flight were given back after the grace, attempt refunded: nothing is leased, nothing judged, nothing lost.
        Assert.Contains("4 judge calls in flight get up to 00:00:02", output, StringComparison.Ordinal);
        Assert.Contains("Released 4 leased samples on shutdown", output, StringComparison.Ordinal);
        var states = Db.Query<(string Status, long Attempts, string? Owner)>(temp.DatabasePath, "SELECT status, attempts, lease_owner FROM samples");
        Assert.All(states, s => Assert.Equal(("pending", 0L, (string?)null), s));

        // The shutdown rollup counted every sample (the hourly job could not have run again).
        Assert.Equal(stored.Count, Db.Scalar<long>(temp.DatabasePath, "SELECT COALESCE(SUM(sampled), 0) FROM trend_rollups WHERE granularity = 'hour'"));
        Assert.Contains("Final rollup at shutdown", output, StringComparison.Ordinal);

        // Closed cleanly: the WAL was folded into the database file.
        Assert.Contains("WAL checkpointed", output, StringComparison.Ordinal);
        var wal = new FileInfo(temp.DatabasePath + "-wal");
        Assert.True(!wal.Exists || wal.Length == 0, $"WAL left with {(wal.Exists ? wal.Length : 0)} bytes");

        // Released means due now: a restarted service takes them at once, not after the 5-minute lease expiry.
        simulator.Faults.Latency["flex"] = LatencyDistribution.Zero;
        await using (var restarted = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            await UntilAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'done'") == stored.Count, TimeSpan.FromSeconds(60));
        }

        Assert.Equal(stored.Count, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
    }

    [Fact]
    public async Task Sigterm_WithJudgeCallsAnsweringWithinTheGrace_CommitsTheirVerdictsBeforeTheFinalRollup()
    {
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(3));
        using var temp = new TempDirectory();
        var environment = Environment(simulator, temp, timeout: TimeSpan.FromSeconds(60), grace: TimeSpan.FromSeconds(45));

        int exitCode;
        string output;
        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            using var posted = await client.PostAsync("/v1/interactions", Some.Json(Some.Batch(4)));
            posted.EnsureSuccessStatusCode();

            // Four calls sent and waiting for their answer: stop now.
            await UntilAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'leased'") == 4);
            service.Terminate();
            exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60) + ExitMargin);
            output = service.Output;
        }

        Assert.True(exitCode == 0, output);
        Assert.Contains("4 judge calls in flight get up to 00:00:45", output, StringComparison.Ordinal);
        Assert.Contains("Released 0 leased samples on shutdown", output, StringComparison.Ordinal);

        // Paid for and answered within the grace: committed, not thrown away and asked again.
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.All(Db.Query<string>(temp.DatabasePath, "SELECT status FROM samples"), s => Assert.Equal("done", s));

        // The final rollup ran after the drain, so it already counts those verdicts.
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT COALESCE(SUM(judged), 0) FROM trend_rollups WHERE granularity = 'hour'"));
    }

    /// <summary>The judge on the simulator, every interaction sampled, as environment variables for the real process.</summary>
    private static Dictionary<string, string> Environment(JudgeSimulator simulator, TempDirectory temp, TimeSpan timeout, TimeSpan grace)
    {
        var environment = JudgeHarness.ProcessEnvironment(simulator.BaseAddress, temp.DatabasePath);
        environment["Shutdown__Timeout"] = timeout.ToString("c", CultureInfo.InvariantCulture);
        environment["Shutdown__JudgeGrace"] = grace.ToString("c", CultureInfo.InvariantCulture);

        // Only the start-up run and the shutdown run can roll up within these tests.
        environment["Trends__RollupInterval"] = "01:00:00";
        return environment;
    }

    private static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? timeout = null) => Eventually.TrueAsync(condition, timeout ?? TimeSpan.FromSeconds(30));
}
