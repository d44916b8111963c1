using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Statistics;
using QualityWatch.Tests.Reviews;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Calibration;

/// <summary>
/// The corrected rate beside the judged one: in <c>/v1/trends</c>, the metric, the console pages and the daily
/// report, from labels posted through <c>POST /v1/reviews</c>, on real Kestrel and a real SQLite file.
/// </summary>
public sealed class CorrectedRateSurfacesTests : IAsyncLifetime
{
    private static readonly JudgeLabelCounts Counts = new(TruePositives: 14, FalsePositives: 6, TrueNegatives: 24, FalseNegatives: 1);

    private readonly DateTimeOffset occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30);
    private ReviewHost host = null!;
    private List<string> yes = [];
    private List<string> no = [];

    public async Task InitializeAsync()
    {
        host = await ReviewHost.StartAsync(new Dictionary<string, string?>
        {
            ["Calibration:CacheDuration"] = "00:00:00",
            ["Metrics:StateRefreshInterval"] = "00:00:00",
            ["Trends:TimeZone"] = "UTC",
        });
        (yes, no) = ReviewSeed.Judged(host.DatabasePath, 60, 240, occurredAt: occurredAt);

        // A second prompt_version in the same hour, for the versions page: 310 verdicts, 60 judged hallucinated.
        ReviewSeed.Judged(host.DatabasePath, 0, 10, promptVersion: "v2", occurredAt: occurredAt.AddMinutes(1));
        await host.Host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>The stream's 310 verdicts, corrected with the calibration of the labels on them.</summary>
    private static Estimate Expected => Corrected(60, 310);

    private static Estimate Corrected(long hallucinations, long judged) =>
        CorrectedRate.For(hallucinations, judged, JudgeCalibration.From(Counts, judgedPositive: 60, judged: 310)).Rate!.Value;

    [Fact]
    public async Task Trends_WithoutLabels_PointIsNullWithTheReason_WithLabels_CarriesTheCorrectedRate()
    {
        var before = await HourBucketAsync();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("hallucination_rate_corrected").ValueKind);
        Assert.StartsWith("no review labels yet for judge model judge-a", before.GetProperty("hallucination_rate_corrected_reason").GetString(), StringComparison.Ordinal);

        await LabelAsync();
        var after = await HourBucketAsync();

        var corrected = after.GetProperty("hallucination_rate_corrected");
        var expected = Corrected(60, 300);
        Assert.Equal(expected.Value, corrected.GetProperty("value").GetDouble(), 6);
        Assert.Equal(expected.Lower, corrected.GetProperty("lower").GetDouble(), 6);
        Assert.Equal(expected.Upper, corrected.GetProperty("upper").GetDouble(), 6);
        Assert.Equal(CorrectedRate.Method, corrected.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("hallucination_rate_corrected_reason").ValueKind);
        Assert.Equal(0.2, after.GetProperty("hallucination_rate").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Object, Assert.Single((await TrendsAsync()).EnumerateArray(), b => b.GetProperty("prompt_version").GetString() == "v2")
            .GetProperty("hallucination_rate_corrected").ValueKind);
    }

    [Fact]
    public async Task Metrics_CorrectedRatio_HasEstimateAndBoundsOfTheWindow()
    {
        await LabelAsync();
        using var client = new HttpClient { BaseAddress = host.Host.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReviewHost.Reader);

        var scrape = await MetricsScrape.FetchUntilAsync(client, s => s.Has("qualitywatch_hallucination_corrected_ratio"));

        const string name = "qualitywatch_hallucination_corrected_ratio";
        Assert.Equal(Expected.Value, scrape.Sum(name, ("stream", "default"), ("bound", "estimate")), 6);
        Assert.Equal(Expected.Lower, scrape.Sum(name, ("stream", "default"), ("bound", "lower")), 6);
        Assert.Equal(Expected.Upper, scrape.Sum(name, ("stream", "default"), ("bound", "upper")), 6);
        Assert.Equal(60.0 / 310, scrape.Sum("qualitywatch_hallucination_ratio", ("stream", "default")), 9);
    }

    [Fact]
    public async Task ConsolePagesAndDailyReport_ShowTheCorrectedRateBesideTheJudgedOne()
    {
        await LabelAsync();
        var shown = Shown(Expected);
        using var console = new ConsoleHttp(host.Host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await console.LoginAsync(ReviewHost.Reader)).StatusCode);

        var v1 = Shown(Corrected(60, 300));
        var v2 = Shown(Corrected(0, 10));
        foreach (var (page, texts) in new[] { ("/", new[] { shown }), ("/trends", [$"latest day {shown}"]), ("/versions?stream=default&a=v1&b=v2", [v1, v2]) })
        {
            var html = WebUtility.HtmlDecode(await console.Client.GetStringAsync(page));
            Assert.True(html.Contains("Corrected for judge error", StringComparison.Ordinal), $"{page}: {html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]}");
            Assert.Contains("judge judge-a, rubric v1, 45 labels", html, StringComparison.Ordinal);
            foreach (var text in texts)
            {
                Assert.Contains(text, html, StringComparison.Ordinal);
            }
        }

        var date = occurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = WebUtility.HtmlDecode(await (await host.GetAsync(ReviewHost.Reader, $"/v1/reports/daily?date={date}")).Content.ReadAsStringAsync());
        Assert.Contains($"Corrected for judge error</th><td>{shown} (judge judge-a, rubric v1, 45 labels)", report, StringComparison.Ordinal);
    }

    private static string Shown(Estimate e) => $"{Percent(e.Value)} (95% {Percent(e.Lower)}–{Percent(e.Upper)})";

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    private async Task<JsonElement> HourBucketAsync() =>
        Assert.Single((await TrendsAsync()).EnumerateArray(), b => b.GetProperty("prompt_version").GetString() == "v1");

    private async Task<JsonElement> TrendsAsync()
    {
        var from = occurredAt.AddHours(-1).ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);
        var response = await host.GetAsync(ReviewHost.Reader, $"/v1/trends?granularity=hour&stream=default&from={from}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("buckets");
    }

    private async Task LabelAsync()
    {
        var labels = yes.Take(14).Select(id => (id, true)).Concat(yes.Skip(14).Take(6).Select(id => (id, false)))
            .Concat(no.Take(24).Select(id => (id, false))).Concat(no.Skip(24).Take(1).Select(id => (id, true)));
        foreach (var (id, hallucination) in labels)
        {
            var response = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(id, hallucination));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
