using System.Net;
using System.Text.Json;
using QualityWatch.Statistics;
using QualityWatch.Tests.Reviews;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Calibration;

/// <summary><c>GET /v1/calibration</c> on real Kestrel and a real SQLite file, labels posted through <c>POST /v1/reviews</c>.</summary>
public sealed class CalibrationApiTests : IAsyncLifetime
{
    private ReviewHost host = null!;

    public async Task InitializeAsync() => host = await ReviewHost.StartAsync(new Dictionary<string, string?> { ["Calibration:CacheDuration"] = "00:00:00" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Get_LabelledStrata_AnswersJudgeCalibrationOfTheSameCounts()
    {
        var (yes, no) = ReviewSeed.Judged(host.DatabasePath, 200, 800, judgeModel: "judge-a", rubric: "v1");
        await LabelAsync(ReviewHost.Alice, yes.Take(12), true);
        await LabelAsync(ReviewHost.Alice, yes.Skip(12).Take(8), false);
        await LabelAsync(ReviewHost.Alice, no.Take(28), false);
        await LabelAsync(ReviewHost.Alice, no.Skip(28).Take(2), true);

        var body = await GetAsync("/v1/calibration?stream=default");

        var expected = JudgeCalibration.From(new JudgeLabelCounts(12, 8, 28, 2), judgedPositive: 200, judged: 1000);
        Assert.Null(expected.NotIdentifiable);
        Assert.Equal("default", body.GetProperty("stream").GetString());
        Assert.Equal("judge-a", body.GetProperty("judge_model").GetString());
        Assert.Equal("v1", body.GetProperty("rubric_version").GetString());
        Assert.Equal(50, body.GetProperty("labels").GetInt64());
        var confusion = body.GetProperty("confusion");
        Assert.Equal((12L, 8L, 28L, 2L), (confusion.GetProperty("tp").GetInt64(), confusion.GetProperty("fp").GetInt64(), confusion.GetProperty("tn").GetInt64(), confusion.GetProperty("fn").GetInt64()));
        AssertEstimate(expected.Sensitivity, body.GetProperty("sensitivity"));
        AssertEstimate(expected.Specificity, body.GetProperty("specificity"));
        Assert.Equal(expected.Kappa, body.GetProperty("kappa").GetDouble(), 6);
        Assert.Equal(JsonValueKind.String, body.GetProperty("since").ValueKind);
        Assert.False(body.TryGetProperty("not_identifiable", out _));
        Assert.False(body.TryGetProperty("note", out _));
        Assert.Equal(0, body.GetProperty("earlier").GetArrayLength());

        var population = body.GetProperty("population");
        Assert.Equal(1000, population.GetProperty("judged").GetInt64());
        Assert.Equal(200, population.GetProperty("judged_positive").GetInt64());
        Assert.Equal(0.2, population.GetProperty("judged_rate").GetDouble(), 6);
        var (corrected, _) = CorrectedRate.For(200, 1000, expected);
        AssertEstimate(corrected!.Value, population.GetProperty("corrected"));
        Assert.Equal(CorrectedRate.Method, population.GetProperty("corrected").GetProperty("method").GetString());
        var powered = population.GetProperty("prediction_powered");
        Assert.Equal((0.2 * 12 / 20) + (0.8 * 2 / 30), powered.GetProperty("value").GetDouble(), 6);
        Assert.Equal(PredictionPoweredRate.Method, powered.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Get_SeveralReviewersOfOneSample_CountItOnceByMajority_ATieGoesToTheNewestLabel()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 2, 0);
        await LabelAsync(ReviewHost.Alice, [yes[0]], false);
        await LabelAsync(ReviewHost.Bob, [yes[0]], true);
        await LabelAsync(ReviewHost.Jane, [yes[0]], true);
        await LabelAsync(ReviewHost.Alice, [yes[1]], true);
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > LastLabelledAt() + 5, TimeSpan.FromSeconds(10));
        await LabelAsync(ReviewHost.Bob, [yes[1]], false);

        var body = await GetAsync("/v1/calibration");

        Assert.Equal(2, body.GetProperty("labels").GetInt64());
        var confusion = body.GetProperty("confusion");
        Assert.Equal(1, confusion.GetProperty("tp").GetInt64());
        Assert.Equal(1, confusion.GetProperty("fp").GetInt64());
        Assert.Contains("too few labels", body.GetProperty("not_identifiable").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sensitivity").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("population").GetProperty("corrected").ValueKind);
    }

    [Fact]
    public async Task Get_NewJudgeModel_StartsANewCalibration_SaysSo_AndKeepsTheEarlierOne()
    {
        var (oldYes, oldNo) = ReviewSeed.Judged(host.DatabasePath, 15, 30, judgeModel: "judge-a", occurredAt: DateTimeOffset.UtcNow.AddHours(-5));
        await LabelAsync(ReviewHost.Alice, oldYes, true);
        await LabelAsync(ReviewHost.Alice, oldNo, false);
        var (newYes, _) = ReviewSeed.Judged(host.DatabasePath, 5, 5, judgeModel: "gemini-x", occurredAt: DateTimeOffset.UtcNow.AddHours(-1));
        await LabelAsync(ReviewHost.Alice, newYes.Take(3), true);

        var body = await GetAsync("/v1/calibration?stream=default");

        Assert.Equal("gemini-x", body.GetProperty("judge_model").GetString());
        Assert.Equal(3, body.GetProperty("labels").GetInt64());
        var note = body.GetProperty("note").GetString()!;
        Assert.StartsWith("new judge model gemini-x since ", note, StringComparison.Ordinal);
        Assert.Contains("3 labels so far", note, StringComparison.Ordinal);
        var earlier = Assert.Single(body.GetProperty("earlier").EnumerateArray());
        Assert.Equal("judge-a", earlier.GetProperty("judge_model").GetString());
        Assert.Equal(45, earlier.GetProperty("labels").GetInt64());
        Assert.Equal(15, earlier.GetProperty("confusion").GetProperty("tp").GetInt64());
        Assert.Equal(30, earlier.GetProperty("confusion").GetProperty("tn").GetInt64());
        Assert.False(earlier.TryGetProperty("earlier", out _));
    }

    [Fact]
    public async Task Get_StreamWithoutVerdicts_Is200WithNoCalibration()
    {
        ReviewSeed.Judged(host.DatabasePath, 3, 3);

        var body = await GetAsync("/v1/calibration?stream=nobody-here");

        Assert.Equal("nobody-here", body.GetProperty("stream").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("judge_model").ValueKind);
        Assert.Equal(0, body.GetProperty("labels").GetInt64());
        Assert.Equal("no verdicts for this stream yet", body.GetProperty("not_identifiable").GetString());
    }

    [Fact]
    public async Task Get_IngestKey_Is403()
    {
        var response = await host.GetAsync(ReviewHost.Shipper, "/v1/calibration");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static void AssertEstimate(Estimate expected, JsonElement actual)
    {
        Assert.Equal(expected.Value, actual.GetProperty("value").GetDouble(), 6);
        Assert.Equal(expected.Lower, actual.GetProperty("lower").GetDouble(), 6);
        Assert.Equal(expected.Upper, actual.GetProperty("upper").GetDouble(), 6);
    }

    private long LastLabelledAt() => Db.Scalar<long>(host.DatabasePath, "SELECT MAX(updated_at) FROM review_labels;");

    private async Task LabelAsync(string key, IEnumerable<string> ids, bool hallucination)
    {
        foreach (var id in ids)
        {
            var response = await host.PostAsync(key, ReviewHost.Label(id, hallucination));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await host.GetAsync(ReviewHost.Reader, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
