using System.Collections.Concurrent;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>A caller that got 200 never loses data, even when the process is killed right after.</summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Kill9_RightAfterA200_EveryAcceptedSampleIsThereAfterRestart()
    {
        var environment = new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath, ["Sampling__EveryN"] = "1" };
        var acknowledged = new ConcurrentBag<string>();
        var service = await ServiceProcess.StartAsync(environment, temp.Path);
        using (var client = new HttpClient { BaseAddress = service.BaseAddress })
        {
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var batch = Some.Batch(50, i => Some.Interaction($"s{sender}-r{round}-i{i}"));
                    try
                    {
                        var response = await client.PostAsync("/v1/interactions", Some.Json(batch));
                        if (response.IsSuccessStatusCode)
                        {
                            foreach (var item in batch)
                            {
                                acknowledged.Add(item!["id"]!.GetValue<string>());
                            }

                            if (acknowledged.Count >= 2_000)
                            {
                                // Kill from the continuation of a 200: other requests are mid-flight.
                                await stop.CancelAsync();
                                service.Kill();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= 2_000);
        await service.DisposeAsync();

        // Restart on the same file: recovery from the WAL, then the data is all there.
        await using (var restarted = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            var stored = Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM samples").ToHashSet(StringComparer.Ordinal);
            var missing = acknowledged.Where(id => !stored.Contains(id)).ToList();
            Assert.Empty(missing);
            Assert.Equal(stored.Count, Db.Scalar<long>(temp.DatabasePath, "SELECT counter FROM sampling_state WHERE stream = 'default'"));
        }
    }
}
