using System.Net.Http.Json;
using QualityWatch.Simulator.Stats;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

/// <summary>The rubric's explicit cache: created once, refreshed before expiry, recreated after deletion, referenced while valid.</summary>
public sealed class GeminiCacheLifecycleTests
{
    private static readonly Dictionary<string, string?> ShortCache = new()
    {
        ["Judge:MaxConcurrency"] = "1",
        ["Judge:Cache:Ttl"] = "00:00:04",
        ["Judge:Cache:RefreshBefore"] = "00:00:02",
    };

    [Fact]
    public async Task Cache_IsCreatedOnceRefreshedBeforeExpiryAndRecreatedWhenDeleted()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: ShortCache);
        var stats = harness.Simulator.Stats;

        await harness.SendAsync("One.");
        await harness.SettleAsync();
        Assert.Equal(1, stats.Count(EndpointKind.CacheCreate));
        var first = Assert.Single(stats.CachedContentNames);

        // 2.5 s later the cache has 1.5 s left, inside RefreshBefore: the next sample refreshes it.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await harness.SendAsync("Two.");
        await harness.SettleAsync();
        Assert.True(stats.Count(EndpointKind.CachePatch) >= 1);
        Assert.Equal(1, stats.Count(EndpointKind.CacheCreate));
        Assert.Equal([first], stats.CachedContentNames);

        // Deleted behind our back: the next call gets 404, the cache is recreated, the sample still judged once.
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(harness.Simulator.BaseAddress, $"v1beta/{first}")))
        {
            delete.Headers.Add("x-goog-api-key", JudgeHarness.GeminiKey);
            using var client = new HttpClient();
            (await client.SendAsync(delete)).EnsureSuccessStatusCode();
        }

        await harness.SendAsync("Three.");
        var counts = await harness.SettleAsync();
        Assert.Equal(3, counts.GetValueOrDefault("done"));
        Assert.Equal(2, stats.Count(EndpointKind.CacheCreate));
        Assert.Equal(2, stats.CachedContentNames.Count);
        Assert.All(stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent && r.StatusCode == 200), r => Assert.NotNull(r.CachedContent));
        Assert.Equal(3, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE cached_tokens > 0"));
    }

    [Fact]
    public async Task Cache_StaleOnesThisServiceCreated_AreDeletedAtStart()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: ShortCache);
        await harness.StopHostAsync();

        // A cache an older rubric version left behind, recorded as ours.
        using var client = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        client.DefaultRequestHeaders.Add("x-goog-api-key", JudgeHarness.GeminiKey);
        var created = await client.PostAsJsonAsync("v1beta/cachedContents", new
        {
            model = "models/gemini-2.5-flash",
            displayName = "qualitywatch-rubric-v0",
            systemInstruction = new { parts = new[] { new { text = new string('r', 6000) } } },
            ttl = "600s",
        });
        created.EnsureSuccessStatusCode();
        var stale = (await created.ReadJsonAsync()).GetProperty("name").GetString()!;
        using (var connection = Db.Open(harness.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "INSERT INTO judge_caches (name, model, rubric_version, expire_at, created_at) VALUES (@stale, 'gemini-2.5-flash', 'v0', 9999999999999, 0)", new { stale });
        }

        await harness.StartHostAsync(settings: ShortCache);
        await harness.SendAsync("One.");
        await harness.SettleAsync();

        Assert.DoesNotContain(stale, harness.Simulator.Stats.LiveCaches);
        Assert.NotNull(Db.Scalar<long?>(harness.DatabasePath, "SELECT deleted_at FROM judge_caches WHERE name = @stale", new { stale }));
        Assert.Single(harness.Simulator.Stats.LiveCaches);
    }
}
