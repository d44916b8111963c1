using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

public sealed class OperationalRuleTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    private static Dictionary<string, string?> Rule(string kind, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerting:Rules:0:Name"] = "Ops",
            ["Alerting:Rules:0:Kind"] = kind,
        };
        foreach (var (key, value) in extra)
        {
            settings[$"Alerting:Rules:0:{key}"] = value;
        }

        return settings;
    }

    private async Task<AlertHarness> StartAsync(Dictionary<string, string?> rule)
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        return await AlertHarness.StartAsync(temp.DatabasePath, time, rule);
    }

    private IEnumerable<AlertSeed.Row> Finished(int failed, int done) =>
        Enumerable.Range(0, failed + done).Select(i => new AlertSeed.Row(time.GetUtcNow().AddMinutes(-i % 100), false, Status: i < failed ? "failed" : "done"));

    [Theory]
    [InlineData(30, 70, true)]
    [InlineData(10, 90, false)]
    [InlineData(30, 10, false)] // too few finished samples: 40 < MinSamples 50
    public async Task JudgeFailureRatio_FiresOnlyAboveThresholdWithEnoughSamples(int failed, int done, bool fires)
    {
        await using var alerts = await StartAsync(Rule("judge_failure_ratio", ("MinSamples", "50")));
        AlertSeed.Insert(temp.DatabasePath, Finished(failed, done));

        await alerts.EvaluateAsync();

        Assert.Equal(fires, alerts.Outbox.Sent.Any(n => n.Kind == NotificationKinds.Firing));
        if (fires)
        {
            Assert.StartsWith("firing: judge failures 30.0% > 20.0% (30/100", alerts.Outbox.Sent[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Backlog_OldestPendingOlderThanMaxAge_FiresAndResolvesWhenDrained()
    {
        await using var alerts = await StartAsync(Rule("backlog", ("MaxAge", "01:00:00")));
        var fresh = AlertSeed.Insert(temp.DatabasePath, [new AlertSeed.Row(time.GetUtcNow(), false, Status: "pending", ReceivedAt: time.GetUtcNow().AddMinutes(-10))]);
        await alerts.EvaluateAsync();
        Assert.Empty(alerts.Outbox.Sent);

        var stale = AlertSeed.Insert(temp.DatabasePath, [new AlertSeed.Row(time.GetUtcNow(), false, Status: "pending", ReceivedAt: time.GetUtcNow().AddHours(-2))]);
        await alerts.EvaluateAsync();
        var firing = Assert.Single(alerts.Outbox.Sent);
        Assert.StartsWith("firing: oldest of 2 waiting samples is 2h old > 1h", firing.Reason, StringComparison.Ordinal);

        using (var connection = Db.Open(temp.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE samples SET status = 'done' WHERE interaction_id IN @Ids;", new { Ids = fresh.Concat(stale) });
        }

        // Drained, then held for the default ResolveAfter (15 min) before it resolves.
        await alerts.EvaluateAsync();
        Assert.Equal(NotificationKinds.Firing, alerts.Outbox.Sent[^1].Kind);
        time.Advance(TimeSpan.FromMinutes(15));
        await alerts.EvaluateAsync();
        Assert.Equal(NotificationKinds.Resolved, alerts.Outbox.Sent[^1].Kind);
    }

    [Fact]
    public async Task Backlog_SamplesInAFlexCallAndBoostSamples_DoNotCount()
    {
        await using var alerts = await StartAsync(Rule("backlog", ("MaxAge", "01:00:00")));
        var old = time.GetUtcNow().AddHours(-2);
        var inCall = AlertSeed.Insert(temp.DatabasePath, [new AlertSeed.Row(time.GetUtcNow(), false, Status: "leased", ReceivedAt: old)]);
        var boost = AlertSeed.Insert(temp.DatabasePath, [new AlertSeed.Row(time.GetUtcNow(), false, Status: "pending", ReceivedAt: old)]);
        using (var connection = Db.Open(temp.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE samples SET sample_reason = 'boost', judge_tier = 'standard' WHERE interaction_id IN @Ids;", new { Ids = boost });
        }

        await alerts.EvaluateAsync();

        Assert.Empty(alerts.Outbox.Sent);
        var instance = (await alerts.InstanceAsync("Ops"))!;
        Assert.Equal("no routine samples waiting for the judge (2 in a judge call or boosted not counted)", instance.Summary);
        Assert.Single(inCall);
    }

    [Fact]
    public async Task IngestStalled_NoTrafficForStalledAfter_Fires()
    {
        await using var alerts = await StartAsync(Rule("ingest_stalled", ("StalledAfter", "01:00:00")));
        var hour = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        using (var connection = Db.Open(temp.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "INSERT INTO volume_hourly (stream, hour_start, received, sampled) VALUES ('default', @Hour, 250, 2);", new { Hour = hour.ToUnixTimeMilliseconds() });
        }

        time.SetUtcNow(hour.AddMinutes(30));
        await alerts.EvaluateAsync();
        time.SetUtcNow(hour.AddHours(1).AddMinutes(55)); // silent since the end of the 12:00 hour: 55m, not yet
        await alerts.EvaluateAsync();
        Assert.Empty(alerts.Outbox.Sent);

        time.SetUtcNow(hour.AddHours(2).AddMinutes(5));
        await alerts.EvaluateAsync();
        var sent = Assert.Single(alerts.Outbox.Sent);
        Assert.StartsWith("firing: no interactions for 1h5m > 1h", sent.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accuracy_mean", 2, 4, true)]
    [InlineData("accuracy_mean", 4, 2, false)]
    [InlineData("tone_mean", 4, 2, true)]
    [InlineData("tone_mean", 2, 4, false)]
    public async Task ScoreMean_BelowLevel_Fires(string kind, int accuracy, int tone, bool fires)
    {
        await using var alerts = await StartAsync(Rule(kind, ("Level", "3"), ("MinSamples", "20")));
        AlertSeed.Insert(temp.DatabasePath, Enumerable.Range(0, 20).Select(i => new AlertSeed.Row(time.GetUtcNow().AddMinutes(-i), false, Accuracy: accuracy, Tone: tone)));

        await alerts.EvaluateAsync();

        Assert.Equal(fires, alerts.Outbox.Sent.Count == 1);
        if (fires)
        {
            Assert.Contains("< 3 (20 verdicts in 2h)", alerts.Outbox.Sent[0].Reason, StringComparison.Ordinal);
        }
    }

    public void Dispose() => temp.Dispose();
}
