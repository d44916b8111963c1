using System.Collections.Concurrent;
using System.Net;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>SIGTERM to the real process, as systemd and docker stop send it.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_UnderIngestWithJudgeCallsInFlight_Exits0WithEverythingAcceptedStored_LeasesReleased_RollupsFlushed_WalCheckpointed()
    {
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(60));
        using var temp = new TempDirectory();
        var environment = JudgeHarness.JudgeSettings("gemini", simulator.BaseAddress)
            .ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value!);
        environment["Storage__DatabasePath"] = temp.DatabasePath;

        // Only the start-up run and the shutdown run can roll up within this test.
        environment["Trends__RollupInterval"] = "01:00:00";

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
            exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));
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

        // The four calls in flight were given back, attempt refunded: nothing is leased, nothing judged, nothing lost.
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

    private static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
