using System.Text.Json.Nodes;
using QualityWatch.Canary;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Verdicts;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Canary;

/// <summary>
/// The judge-drift canary end to end: the real service judging the shipped reference set through the judge
/// simulator over HTTP, the simulator's judge erring as configured, the judge_canary rule evaluated by the real
/// alert evaluator.
/// </summary>
public sealed class CanaryDriftTests
{
    private const long DayMs = 86_400_000;
    private static readonly long FirstDay = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Canary:SendTruthMarkers"] = "true",
        ["Canary:MaxConcurrency"] = "4",
        ["Canary:MaxReviewedItems"] = "0",
        ["Alerting:EvaluationInterval"] = "00:00:01",
        // appsettings.json ships a judge_canary rule too; this one is the test's own, by name.
        ["Alerting:Rules:0:Name"] = "canary-under-test",
        ["Alerting:Rules:0:Kind"] = "judge_canary",
        ["Alerting:Rules:0:Severity"] = "warning",
    };

    [Fact]
    public async Task Canary_JudgeSpecificityDropsFrom096To090_RaisesAnOperationalCanaryAlert_WhileTheUnchangedJudgeDidNot()
    {
        var simulator = new SimulatorOptions { Judge = new JudgeErrorOptions { Sensitivity = 0.85, Specificity = 0.96, Seed = 18 } };
        await using var harness = await JudgeHarness.StartAsync(settings: Settings, simulatorOptions: simulator);
        var runner = harness.Host.Services.GetRequiredService<CanaryRunner>();

        // Three days of the unchanged judge on the shipped default set (v2): the later two compared with the earlier ones, and no drift.
        for (var day = 0; day < 3; day++)
        {
            var run = Reference(await runner.RunAsync(FirstDay + (day * DayMs), CancellationToken.None));
            Assert.Equal(("reference-v2", 1500L), (run.ItemSet, run.Items));
            Assert.Equal(day, run.BaselineRuns);
            Assert.Equal(0, run.Drift);
        }

        // The rule has seen the unchanged judge's run (an instance, evaluated after it) and stays quiet.
        Assert.True(await Eventually.TrueAsync(() => InstanceState(harness.DatabasePath) == "inactive", TimeSpan.FromSeconds(30)), "the judge_canary rule never evaluated the canary run");
        Assert.True(await Eventually.StaysAsync(() => InstanceState(harness.DatabasePath) == "inactive", TimeSpan.FromSeconds(3)));

        // The provider silently swaps the model behind the same name: specificity 0.96 -> 0.90.
        simulator.Judge.Models[JudgeModel(harness)] = new JudgeModelErrorOptions { Specificity = 0.90 };
        var changed = Reference(await runner.RunAsync(FirstDay + (3 * DayMs), CancellationToken.None));
        Assert.Equal(1, changed.Drift);
        // The same items, now flagged where they passed before: the paired test sees it; nothing went the other way.
        Assert.True(changed.SpecificityPairedZ >= changed.AlarmZ, $"paired specificity z {changed.SpecificityPairedZ} below the alarm level {changed.AlarmZ}");
        Assert.Equal(0, changed.SpecificityGained);

        Assert.True(await Eventually.TrueAsync(() => InstanceState(harness.DatabasePath) == "firing", TimeSpan.FromSeconds(30)), "the canary alert never fired");
        var incidents = Db.Query<(string Kind, string Dimension, string Value)>(harness.DatabasePath, "SELECT kind, dimension, value FROM incidents");
        Assert.NotEmpty(incidents);
        Assert.All(incidents, incident => Assert.Equal(("operational", "rule", "judge_canary"), incident));

        // What the API says about it: the drop and the run that showed it.
        var body = JsonNode.Parse(await harness.Host.Client.GetStringAsync("/v1/canary"))!;
        var newest = body["runs"]!.AsArray()[0]!;
        Assert.Equal("2026-11-23", newest["day"]!.GetValue<string>());
        Assert.True(newest["drift"]!.GetValue<bool>());
        Assert.True(newest["specificity"]!["value"]!.GetValue<double>() < newest["baseline_specificity"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task Canary_RunTwiceTheSameDay_JudgesNoItemTwice()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?>(Settings) { ["Canary:ReferenceSet"] = "v1" });
        var runner = harness.Host.Services.GetRequiredService<CanaryRunner>();

        await runner.RunAsync(FirstDay, CancellationToken.None);
        var callsAfterFirst = harness.Simulator.Stats.Judgements.Count;
        var again = Reference(await runner.RunAsync(FirstDay, CancellationToken.None));

        Assert.True(callsAfterFirst >= 500, $"{callsAfterFirst} judge calls for 500 items");
        Assert.Equal(callsAfterFirst, harness.Simulator.Stats.Judgements.Count);
        Assert.Equal(500, again.Items);
        Assert.Equal(500L, Db.Query<long>(harness.DatabasePath, "SELECT COUNT(*) FROM canary_judgments").Single());
    }

    [Fact]
    public async Task Canary_DailyBudgetSpent_RefusesTheRestOfTheDay()
    {
        // One call of the simulated judge costs far more than a millionth of a dollar, so the first call spends the day's budget.
        var settings = new Dictionary<string, string?>(Settings) { ["Canary:DailyBudgetUsd"] = "0.000001", ["Canary:MaxConcurrency"] = "1", ["Canary:ReferenceSet"] = "v1" };
        await using var harness = await JudgeHarness.StartAsync(settings: settings);
        var runner = harness.Host.Services.GetRequiredService<CanaryRunner>();

        var run = Reference(await runner.RunAsync(FirstDay, CancellationToken.None));
        await runner.RunAsync(FirstDay, CancellationToken.None);

        Assert.Equal(1, run.Items);
        Assert.Equal(499, run.Unanswered);
        Assert.Single(harness.Simulator.Stats.Judgements);
    }

    private static CanaryRunRow Reference(IReadOnlyList<CanaryRunRow> runs) => runs.Single(r => r.ItemSet.StartsWith("reference-", StringComparison.Ordinal));

    private static string JudgeModel(JudgeHarness harness) =>
        harness.Host.Services.GetRequiredService<QualityWatch.Judging.IJudgeProvider>().Model;

    private static string? InstanceState(string databasePath) =>
        Db.Query<string>(databasePath, "SELECT state FROM alert_instances WHERE rule = 'canary-under-test'").SingleOrDefault();
}
