using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Verdicts;
using QualityWatch.Statistics;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Calibration;

/// <summary>
/// The whole path: the simulated judge errs as configured, a reviewer labels every judged sample with the truth
/// through <c>POST /v1/reviews</c>, and <c>GET /v1/calibration</c> answers the judge's real confusion table.
/// </summary>
public sealed class CalibrationFromSimulatedJudgeTests : IAsyncLifetime
{
    private JudgeHarness harness = null!;

    public async Task InitializeAsync() => harness = await JudgeHarness.StartAsync(
        settings: new Dictionary<string, string?> { ["Calibration:CacheDuration"] = "00:00:00" },
        simulatorOptions: new SimulatorOptions { Judge = new JudgeErrorOptions { Sensitivity = 0.8, Specificity = 0.85, Seed = 5 } });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Calibration_FromTruthLabels_MatchesTheErringJudgesConfusionAndJudgeCalibration()
    {
        var truth = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var batch = 0; batch < 3; batch++)
        {
            var responses = Enumerable.Range(0, 50).Select(i => i % 3 == 0
                ? $"Your refund of ${i + 10} was issued on March 3. [[hallucination]]"
                : $"Your order {batch}-{i} shipped on 2026-03-02 with DHL.").ToArray();
            var ids = await harness.SendAsync(responses);
            for (var i = 0; i < ids.Count; i++)
            {
                truth[ids[i]] = i % 3 == 0;
            }
        }

        await harness.SettleAsync(TimeSpan.FromSeconds(120));
        var verdicts = Db.Query<(string Id, long Hallucination)>(harness.DatabasePath, "SELECT interaction_id, hallucination FROM verdicts;");
        Assert.Equal(truth.Count, verdicts.Count);
        foreach (var (id, _) in verdicts)
        {
            var posted = await harness.Host.Client.PostAsJsonAsync("/v1/reviews", new JsonObject { ["interaction_id"] = id, ["hallucination"] = truth[id] });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        var body = await (await harness.Host.Client.GetAsync("/v1/calibration?stream=default")).ReadJsonAsync();

        long tp = verdicts.Count(v => v.Hallucination == 1 && truth[v.Id]), fp = verdicts.Count(v => v.Hallucination == 1 && !truth[v.Id]);
        long tn = verdicts.Count(v => v.Hallucination == 0 && !truth[v.Id]), fn = verdicts.Count(v => v.Hallucination == 0 && truth[v.Id]);
        Assert.True(fp > 0 && fn > 0, $"the simulated judge should err both ways: fp {fp}, fn {fn}");
        var confusion = body.GetProperty("confusion");
        Assert.Equal((tp, fp, tn, fn), (confusion.GetProperty("tp").GetInt64(), confusion.GetProperty("fp").GetInt64(), confusion.GetProperty("tn").GetInt64(), confusion.GetProperty("fn").GetInt64()));
        Assert.Equal(150, body.GetProperty("labels").GetInt64());

        var expected = JudgeCalibration.From(new JudgeLabelCounts(tp, fp, tn, fn), tp + fp, 150);
        Assert.Null(expected.NotIdentifiable);
        Assert.Equal(expected.Sensitivity.Value, body.GetProperty("sensitivity").GetProperty("value").GetDouble(), 6);
        Assert.Equal(expected.Sensitivity.Lower, body.GetProperty("sensitivity").GetProperty("lower").GetDouble(), 6);
        Assert.Equal(expected.Specificity.Value, body.GetProperty("specificity").GetProperty("value").GetDouble(), 6);
        Assert.Equal(expected.Specificity.Upper, body.GetProperty("specificity").GetProperty("upper").GetDouble(), 6);
        Assert.Equal(expected.Kappa, body.GetProperty("kappa").GetDouble(), 6);

        // Every judged sample labelled: the true rate is known exactly, and both estimates find it.
        var trueRate = (tp + fn) / 150.0;
        Assert.Equal(trueRate, body.GetProperty("population").GetProperty("prediction_powered").GetProperty("value").GetDouble(), 6);
        Assert.Equal(trueRate, body.GetProperty("population").GetProperty("corrected").GetProperty("value").GetDouble(), 6);
    }
}
