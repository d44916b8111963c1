using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Notifications;
using QualityWatch.Statistics;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

public sealed class SequentialRuleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(36); // 100 judged samples per hour
    private readonly TempDirectory temp = new();

    private static Dictionary<string, string?> Rule(double falseAlarmsPer30Days, double? baseline = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerting:Rules:0:Name"] = "HallucinationRegression",
            ["Alerting:Rules:0:Kind"] = "sequential",
            ["Alerting:Rules:0:Severity"] = "page",
            ["Alerting:Rules:0:FalseAlarmsPer30Days"] = falseAlarmsPer30Days.ToString(CultureInfo.InvariantCulture),
            ["Alerting:Rules:0:BaselineMultiplier"] = "4",
        };
        if (baseline is { } rate)
        {
            settings["Alerting:Rules:0:BaselineRate"] = rate.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static List<AlertSeed.Row> Traffic(Random random, DateTimeOffset from, int count, double rate, string version) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var bad = random.NextDouble() < rate;
            return new AlertSeed.Row(from + (Every * i), bad, PromptVersion: version, Claims: bad ? "[\"Invented policy\"]" : "[]");
        }).ToList();

    [Fact]
    public async Task PromptVersionRegression_2To8Percent_FiresNamingTheNewVersionAndBaseline()
    {
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        var random = new Random(20240601);
        var switchAt = Start + (Every * 7200); // three days of v1
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, Start, 7200, 0.02, "v1"));
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, switchAt, 1200, 0.08, "v2"));
        time.SetUtcNow(switchAt);

        var outbox = new CapturingOutbox();
        var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule(1), outbox);
        DateTimeOffset? firedAt = null;
        for (var step = 0; step < 72 && firedAt is null; step++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            if (step == 3)
            {
                // A restart mid-way continues the persisted statistic.
                await alerts.DisposeAsync();
                alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule(1), outbox);
            }

            await alerts.EvaluateAsync();
            if (outbox.Sent.Count > 0)
            {
                firedAt = time.GetUtcNow();
            }
        }

        await alerts.DisposeAsync();
        var sent = Assert.Single(outbox.Sent);
        Assert.Equal(NotificationKinds.Firing, sent.Kind);
        Assert.Equal("v2", sent.Labels["prompt_version"]);
        Assert.Contains("prompt_version v2 at", sent.Reason, StringComparison.Ordinal);
        Assert.Contains("vs baseline ", sent.Reason, StringComparison.Ordinal);
        using var evidence = System.Text.Json.JsonDocument.Parse(sent.EvidenceJson!);
        Assert.InRange(evidence.RootElement.GetProperty("baseline_rate").GetDouble(), 0.015, 0.025);
        // p0 is v1's rate taken one standard error up (LearnedBaseline), not the point estimate.
        var (k, n) = Db.Query<(long, long)>(temp.DatabasePath,
            "SELECT SUM(v.hallucination), COUNT(*) FROM verdicts v JOIN samples s USING (interaction_id) WHERE s.prompt_version = 'v1'").Single();
        Assert.Equal(LearnedBaseline.Rate(k, n, 1), evidence.RootElement.GetProperty("baseline_rate").GetDouble(), 9);
        Assert.True(LearnedBaseline.Rate(k, n, 1) > (double)k / n + 0.001);
        Assert.Equal(0.08, evidence.RootElement.GetProperty("target_rate").GetDouble(), 0.02);
        Assert.Contains("learned: ", sent.EvidenceJson, StringComparison.Ordinal);
        // Learned p0 is taken one standard error above the estimate (LearnedBaseline).
        Assert.Contains(", p0 = 1 standard error(s) above ", sent.EvidenceJson, StringComparison.Ordinal);
        Assert.Contains("Invented policy", sent.EvidenceJson, StringComparison.Ordinal);
        Assert.InRange(firedAt!.Value - switchAt, TimeSpan.FromMinutes(20), TimeSpan.FromHours(6));
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT alarms FROM alert_cusum WHERE prompt_version = 'v2';"));
    }

    [Fact]
    public async Task DeployRegression_2To8PercentAtBoostRate_TheDeployTestFiresNamingTheVersionAndBaseline()
    {
        // v2 arrives boosted (1,000 judged samples an hour); the deploy-anchored SPRT, with its lower
        // alarm level, crosses before the CUSUM does.
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        var random = new Random(7);
        var switchAt = Start + (Every * 7200);
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, Start, 7200, 0.02, "v1"));
        AlertSeed.Insert(temp.DatabasePath, Enumerable.Range(0, 1000).Select(i =>
        {
            var bad = random.NextDouble() < 0.08;
            return new AlertSeed.Row(switchAt + (TimeSpan.FromSeconds(3.6) * i), bad, PromptVersion: "v2", Claims: bad ? "[\"Invented policy\"]" : "[]");
        }).ToList());

        var settings = Rule(1);
        settings["Alerting:Rules:0:BaselineMultiplier"] = "4";
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);
        for (var step = 0; step < 12 && alerts.Outbox.Sent.Count == 0; step++)
        {
            time.SetUtcNow(switchAt + TimeSpan.FromMinutes(5 * (step + 1)));
            await alerts.EvaluateAsync();
        }

        var sent = Assert.Single(alerts.Outbox.Sent);
        Assert.Equal("v2", sent.Labels["prompt_version"]);
        Assert.Contains("deploy-anchored SPRT since v2's first verdict", sent.Reason, StringComparison.Ordinal);
        Assert.Contains("vs baseline 2", sent.Reason, StringComparison.Ordinal);
        Assert.Equal("deploy_test", Db.Scalar<string>(temp.DatabasePath, "SELECT alarmed_by FROM alert_cusum WHERE prompt_version = 'v2';"));
    }

    [Fact]
    public async Task RolledBackVersion_NoVerdictsWhileOthersHaveSome_ResolvesOnceAsNoLongerReceivingTraffic()
    {
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        var random = new Random(7);
        var deployAt = Start + (Every * 7200);
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, Start, 7200, 0.02, "v1"));
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, deployAt, 300, 0.12, "v2"));
        var lastV2 = deployAt + (Every * 299);
        var settings = Rule(1);
        settings["Alerting:Rules:0:BaselineMultiplier"] = "2";
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);
        time.SetUtcNow(lastV2);
        await alerts.EvaluateAsync();
        Assert.Equal([NotificationKinds.Firing], alerts.Outbox.Sent.Select(n => n.Kind));

        // The stream goes quiet after v2's last verdict: no other version took its traffic, so nothing clears.
        for (var step = 1; step <= 18; step++)
        {
            time.SetUtcNow(lastV2 + TimeSpan.FromMinutes(10 * step));
            await alerts.EvaluateAsync();
        }

        Assert.Equal([NotificationKinds.Firing], alerts.Outbox.Sent.Select(n => n.Kind));
        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("HallucinationRegression", promptVersion: "v2"))!.State);

        // Rolled back: v1 takes the traffic again and v2 gets no more verdicts. One hour (NoTrafficAfter) after v2's
        // last verdict it is clear; 15 min (ResolveAfter) later the incident resolves, once.
        var back = time.GetUtcNow();
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, back, 600, 0.02, "v1"));
        for (var step = 1; step <= 30; step++)
        {
            time.SetUtcNow(back + TimeSpan.FromMinutes(10 * step));
            await alerts.EvaluateAsync();
        }

        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Resolved], alerts.Outbox.Sent.Select(n => n.Kind));
        var resolved = alerts.Outbox.Sent[1];
        Assert.Equal("v2", resolved.Labels["prompt_version"]);
        Assert.StartsWith("resolved: prompt_version v2 no longer receiving traffic (no verdicts for ", resolved.Reason, StringComparison.Ordinal);
        Assert.Contains("NoTrafficAfter 1h; ", resolved.Reason, StringComparison.Ordinal);
        var incident = Assert.Single(await alerts.Incidents.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Equal("resolved", incident.State);
        // The statistic itself is kept: v2 is still the version that alarmed, should its traffic return.
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT alarmed FROM alert_cusum WHERE prompt_version = 'v2';"));
    }

    [Fact]
    public async Task DeployTestOff_TheSameRegressionIsLeftToTheCusum()
    {
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        var random = new Random(7);
        var switchAt = Start + (Every * 7200);
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, Start, 7200, 0.02, "v1"));
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, switchAt, 400, 0.08, "v2"));
        var settings = Rule(1);
        settings["Alerting:Rules:0:DeployTestShare"] = "0";
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, settings);
        time.SetUtcNow(switchAt + TimeSpan.FromHours(5));
        await alerts.EvaluateAsync();

        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM alert_cusum WHERE alarmed_by = 'deploy_test';"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT deploy_open FROM alert_cusum WHERE prompt_version = 'v2';"));
    }

    [Fact]
    public async Task StableTraffic_2PercentFor30Days_OneFalseAlarmPerYearBudget_FiresNothing()
    {
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        var random = new Random(20240601);
        AlertSeed.Insert(temp.DatabasePath, Traffic(random, Start, 72_000, 0.02, "v1"));

        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule(30.0 / 365, baseline: 0.02));
        for (var hours = 0; hours <= 30 * 24; hours += 6)
        {
            time.SetUtcNow(Start + TimeSpan.FromHours(hours));
            await alerts.EvaluateAsync();
        }

        Assert.Empty(alerts.Outbox.Sent);
        Assert.Equal(72_000, Db.Scalar<long>(temp.DatabasePath, "SELECT samples FROM alert_cusum WHERE prompt_version = 'v1';"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT alarms FROM alert_cusum WHERE prompt_version = 'v1';"));
    }

    [Fact]
    public async Task StableTraffic_WithALooseBudget_TheSameDetectorDoesAlarm()
    {
        // Shows the quiet month above is the budget at work, not a detector that never runs.
        var time = new FakeTimeProvider(Start);
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Traffic(new Random(20240601), Start, 72_000, 0.02, "v1"));

        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule(3000, baseline: 0.02));
        time.SetUtcNow(Start + TimeSpan.FromDays(30));
        await alerts.EvaluateAsync();

        Assert.True(Db.Scalar<long>(temp.DatabasePath, "SELECT alarms FROM alert_cusum WHERE prompt_version = 'v1';") > 0);
    }

    public void Dispose() => temp.Dispose();
}
