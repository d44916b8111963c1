using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

/// <summary>Rate rules on the corrected rate once a calibration exists (issue 18): the threshold and the sequential tests.</summary>
public sealed class CorrectedRateRuleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory temp = new();

    private static void Rule(Dictionary<string, string?> settings, int index, string name, string kind, params (string Key, string Value)[] extra)
    {
        settings[$"Alerting:Rules:{index}:Name"] = name;
        settings[$"Alerting:Rules:{index}:Kind"] = kind;
        settings[$"Alerting:Rules:{index}:Severity"] = "page";
        foreach (var (key, value) in extra)
        {
            settings[$"Alerting:Rules:{index}:{key}"] = value;
        }
    }

    [Fact]
    public async Task ThresholdRule_JudgedRateAboveButTrueRateBelow_FiresOnlyOnTheJudgedRate_AndEvidenceNamesTheCalibration()
    {
        var time = new FakeTimeProvider(Now);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        // A true 2% stream judged by a 0.85 / 0.96 judge: 135 of 2,400 verdicts (5.6%) say hallucination.
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(Now, TimeSpan.FromHours(2), 2400, 135));
        CalibrationSeed.IssueJudge(temp.DatabasePath, Now);
        var settings = new Dictionary<string, string?>();
        Rule(settings, 0, "Default", "hallucination_rate");
        Rule(settings, 1, "Judged", "hallucination_rate", ("Rate", "judged"));
        Rule(settings, 2, "CorrectedLow", "hallucination_rate", ("Rate", "corrected"), ("Threshold", "0.015"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);

        await alerts.EvaluateAsync();

        Assert.NotEqual(AlertState.Firing, (await alerts.InstanceAsync("Default"))?.State);
        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("Judged"))!.State);
        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("CorrectedLow"))!.State);
        using (var evidence = JsonDocument.Parse((await alerts.InstanceAsync("Judged"))!.Evidence!))
        {
            Assert.Equal("judged", evidence.RootElement.GetProperty("rate_basis").GetString());
            Assert.False(evidence.RootElement.TryGetProperty("calibration", out _));
        }

        var corrected = (await alerts.InstanceAsync("CorrectedLow"))!;
        Assert.StartsWith("corrected rate 2.", corrected.Summary, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(corrected.Evidence!);
        var root = document.RootElement;
        Assert.Equal("corrected", root.GetProperty("rate_basis").GetString());
        Assert.InRange(root.GetProperty("corrected_rate").GetDouble(), 0.015, 0.025);
        Assert.InRange(root.GetProperty("value").GetDouble(), 0.015, 0.025);
        Assert.Equal(0.05625, root.GetProperty("rate").GetDouble(), 5);
        var calibration = root.GetProperty("calibration");
        Assert.Equal("judge", calibration.GetProperty("judge_model").GetString());
        Assert.Equal("v1", calibration.GetProperty("rubric_version").GetString());
        Assert.Equal(1000, calibration.GetProperty("labels").GetInt64());
        Assert.InRange(calibration.GetProperty("sensitivity").GetDouble(), 0.8, 0.9);
        Assert.InRange(calibration.GetProperty("specificity").GetDouble(), 0.95, 0.97);
    }

    [Fact]
    public async Task ThresholdRule_CorrectedAskedWithoutCalibration_HoldsAsInsufficientData_DefaultFallsBackToJudged()
    {
        var time = new FakeTimeProvider(Now);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(Now, TimeSpan.FromHours(2), 400, 40));
        var settings = new Dictionary<string, string?>();
        Rule(settings, 0, "Default", "hallucination_rate");
        Rule(settings, 1, "Corrected", "hallucination_rate", ("Rate", "corrected"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);

        await alerts.EvaluateAsync();

        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("Default"))!.State);
        Assert.NotEqual(AlertState.Firing, (await alerts.InstanceAsync("Corrected"))?.State);
        using var evidence = JsonDocument.Parse((await alerts.InstanceAsync("Default"))!.Evidence!);
        Assert.Equal("judged", evidence.RootElement.GetProperty("rate_basis").GetString());
        Assert.Contains("too few labels", evidence.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SequentialRule_TrueRatesOnANoisyJudge_RunOnTheJudgedScale_AndStayQuietOnStableTraffic()
    {
        var start = Now - TimeSpan.FromDays(2);
        var time = new FakeTimeProvider(start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        CalibrationSeed.IssueJudge(temp.DatabasePath, start);
        // Two stable days at 100 verdicts an hour of a true 2% stream through the 0.85 / 0.96 judge: 5.6% judged.
        var random = new Random(5);
        var every = TimeSpan.FromSeconds(36);
        AlertSeed.Insert(temp.DatabasePath, Enumerable.Range(0, 4800).Select(i =>
        {
            var truth = random.NextDouble() < 0.02;
            var judged = truth ? random.NextDouble() < 0.85 : random.NextDouble() >= 0.96;
            return new AlertSeed.Row(start + (every * i), judged);
        }));
        var settings = new Dictionary<string, string?>();
        Rule(settings, 0, "Shift", "sequential", ("BaselineRate", "0.02"), ("TargetRate", "0.08"), ("Rate", "corrected"), ("DeployTestShare", "0"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);

        for (var hour = 1; hour <= 48; hour++)
        {
            time.SetUtcNow(start + TimeSpan.FromHours(hour));
            await alerts.EvaluateAsync();
        }

        // Unmapped, p0 = 2% against 5.6% judged would alarm within a few hundred verdicts.
        Assert.Empty(alerts.Outbox.Sent);
        Assert.Equal("corrected", Db.Scalar<string>(temp.DatabasePath, "SELECT rate_basis FROM alert_cusum WHERE prompt_version = 'v1';"));
        Assert.InRange(Db.Scalar<double>(temp.DatabasePath, "SELECT baseline_rate FROM alert_cusum WHERE prompt_version = 'v1';"), 0.05, 0.062);
        Assert.InRange(Db.Scalar<double>(temp.DatabasePath, "SELECT target_rate FROM alert_cusum WHERE prompt_version = 'v1';"), 0.098, 0.11);
        Assert.Contains("\"labels\":1000", Db.Scalar<string>(temp.DatabasePath, "SELECT calibration FROM alert_cusum WHERE prompt_version = 'v1';"), StringComparison.Ordinal);
    }

    [Fact]
    public void RateOption_OutsideJudgedOrCorrected_NamesTheKey()
    {
        var options = new AlertingOptions { Rules = [new AlertRuleOptions { Name = "r", Kind = "hallucination_rate", Rate = "true" }] };

        var result = new AlertingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Alerting:Rules:0:Rate must be one of judged, corrected", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new AlertingOptionsValidator().Validate(null, new AlertingOptions { Rules = [new AlertRuleOptions { Name = "r", Kind = "sequential", Rate = "corrected" }] }).Succeeded);
    }

    public void Dispose() => temp.Dispose();

}
