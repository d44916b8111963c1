using QualityWatch.Statistics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

public sealed class TrendEndpointTests : IDisposable
{
    private const string Key = "trends-key-0123456789abcdef";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<InProcessHost> StartSeededAsync(string zone = "UTC")
    {
        var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Ingest:ApiKeys:0"] = Key,
            ["Trends:TimeZone"] = zone,
        });
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        // Seed through the same file the host uses; TrendsDb only adds the rows.
        var seed = new SeedWriter(temp.DatabasePath);
        seed.Sample("v1-a", "2026-03-10T10:05:00Z", "p1");
        seed.Verdict("v1-a", hallucination: false, "2026-03-10T10:06:00Z");
        seed.Sample("v1-b", "2026-03-10T10:15:00Z", "p1");
        seed.Verdict("v1-b", hallucination: false, "2026-03-10T10:16:00Z");
        seed.Sample("v2-a", "2026-03-11T09:00:00Z", "p2");
        seed.Verdict("v2-a", hallucination: true, "2026-03-11T09:01:00Z");
        seed.Volume("2026-03-10T10:00:00Z", 200, "p1");
        seed.Volume("2026-03-11T09:00:00Z", 100, "p2");
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        return host;
    }

    [Fact]
    public async Task Trends_Hourly_ReturnsRolledUpBucketsAsJson()
    {
        await using var host = await StartSeededAsync();

        var response = await host.Client.GetAsync("/v1/trends?stream=support&from=2026-03-10T00:00:00Z&to=2026-03-12T00:00:00Z&granularity=hour");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("hour", body.GetProperty("granularity").GetString());
        var buckets = body.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(2, buckets.Count);
        Assert.Equal("2026-03-10T10:00:00+00:00", buckets[0].GetProperty("start").GetString());
        Assert.Equal("p1", buckets[0].GetProperty("prompt_version").GetString());
        Assert.Equal(200, buckets[0].GetProperty("interactions").GetInt64());
        Assert.Equal(2, buckets[0].GetProperty("judged").GetInt64());
        Assert.Equal(0.0, buckets[0].GetProperty("hallucination_rate").GetDouble());
        Assert.Equal(WilsonInterval.For(0, 2).Upper, buckets[0].GetProperty("hallucination_rate_upper").GetDouble(), 1e-9);
        Assert.Equal([0, 0, 0, 2, 0], buckets[0].GetProperty("accuracy_counts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1.0, buckets[1].GetProperty("hallucination_rate").GetDouble());
    }

    [Fact]
    public async Task Trends_DailyWithDates_CutsInTheConfiguredZone()
    {
        await using var host = await StartSeededAsync("America/New_York");

        var body = await (await host.Client.GetAsync("/v1/trends?stream=support&from=2026-03-10&to=2026-03-11&granularity=day")).ReadJsonAsync();

        Assert.Equal("America/New_York", body.GetProperty("time_zone").GetString());
        var buckets = body.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(["2026-03-10T04:00:00+00:00", "2026-03-11T04:00:00+00:00"], buckets.Select(b => b.GetProperty("start").GetString()));
        Assert.Equal([2L, 1L], buckets.Select(b => b.GetProperty("judged").GetInt64()));
    }

    [Theory]
    [InlineData("granularity=week", "invalid_granularity")]
    [InlineData("from=yesterday", "invalid_from")]
    [InlineData("to=2026-13-45", "invalid_to")]
    [InlineData("from=2026-03-12&to=2026-03-10", "invalid_range")]
    [InlineData("granularity=hour&from=2026-01-01&to=2026-03-01", "range_too_large")]
    [InlineData("stream=", "invalid_stream")]
    public async Task Trends_BadParameter_Is400WithAStableCode(string query, string code)
    {
        await using var host = await StartSeededAsync();

        var response = await host.Client.GetAsync("/v1/trends?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("/v1/trends")]
    [InlineData("/v1/versions")]
    public async Task Endpoints_WithoutKey_Are401(string path)
    {
        await using var host = await StartSeededAsync();
        host.Client.DefaultRequestHeaders.Authorization = null;

        var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Versions_ComparesPromptVersionsWithIntervalsAndFirstLastSeen()
    {
        await using var host = await StartSeededAsync();

        var response = await host.Client.GetAsync("/v1/versions?stream=support");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = (await response.ReadJsonAsync()).GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("prompt_version").GetString()!);
        Assert.Equal(2, versions.Count);
        var p1 = versions["p1"];
        Assert.Equal((200L, 2L, 2L), (p1.GetProperty("interactions").GetInt64(), p1.GetProperty("sampled").GetInt64(), p1.GetProperty("judged").GetInt64()));
        Assert.Equal(0.0, p1.GetProperty("hallucination_rate").GetDouble());
        Assert.Equal("2026-03-10T10:00:00+00:00", p1.GetProperty("first_seen").GetString());
        Assert.Equal("2026-03-10T10:15:00+00:00", p1.GetProperty("last_seen").GetString());
        var p2 = versions["p2"];
        Assert.Equal(1.0, p2.GetProperty("hallucination_rate").GetDouble());
        Assert.Equal(WilsonInterval.For(1, 1).Lower, p2.GetProperty("hallucination_rate_lower").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.String, p2.GetProperty("last_seen").ValueKind);
    }
}
