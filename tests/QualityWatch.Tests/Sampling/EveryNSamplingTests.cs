using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Sampling;

public sealed class EveryNSamplingTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Sampling_10000AtN100AcrossARestart_SamplesExactly100()
    {
        var sampled = 0;
        var ids = Enumerable.Range(0, 10_000).Select(i => $"exact-{i}").ToArray();

        // 4,950 before the restart: the counter stops mid-cycle, so exactness depends on it being persisted.
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath))
        {
            sampled += await PostAllAsync(host, ids[..4_950]);
        }

        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath))
        {
            sampled += await PostAllAsync(host, ids[4_950..]);
        }

        Assert.Equal(100, sampled);
        Assert.Equal(100, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal(10_000, Db.Scalar<long>(temp.DatabasePath, "SELECT counter FROM sampling_state WHERE stream = 'default'"));
        Assert.Equal(10_000, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(received) FROM volume_hourly"));

        // Exactly every 100th: the 100th, 200th, ... interaction in arrival order.
        var expected = Enumerable.Range(1, 100).Select(k => ids[(k * 100) - 1]).Order(StringComparer.Ordinal);
        var stored = Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM samples").Order(StringComparer.Ordinal);
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Sampling_StreamsKeepTheirOwnCountersAndRates()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Sampling:EveryN"] = "10",
            ["Sampling:Streams:0:Name"] = "support",
            ["Sampling:Streams:0:Match:dataset"] = "customer-support-v2",
            ["Sampling:Streams:0:EveryN"] = "3",
        });
        var support = new Dictionary<string, string> { ["dataset"] = "customer-support-v2", ["region"] = "eu" };
        var other = new Dictionary<string, string> { ["dataset"] = "sales" };

        var batch = Some.Batch(60, i => Some.Interaction(labels: i % 2 == 0 ? support : other));
        await host.Client.PostAsync("/v1/interactions", Some.Json(batch));

        var perStream = Db.Query<(string Stream, long Count)>(temp.DatabasePath, "SELECT stream, COUNT(*) FROM samples GROUP BY stream ORDER BY stream")
            .ToDictionary(r => r.Stream, r => r.Count);
        Assert.Equal(30 / 10, perStream["default"]);
        Assert.Equal(30 / 3, perStream["support"]);
    }

    private static async Task<int> PostAllAsync(InProcessHost host, string[] ids)
    {
        var sampled = 0;
        foreach (var chunk in ids.Chunk(1_000))
        {
            var response = await host.Client.PostAsync("/v1/interactions", Some.Ndjson(chunk.Select(id => Some.Interaction(id))));
            response.EnsureSuccessStatusCode();
            sampled += (await response.ReadJsonAsync()).GetProperty("sampled").GetInt32();
        }

        return sampled;
    }
}
