using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

public sealed class HallucinationRateLifecycleTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    private static Dictionary<string, string?> Rule(string forDuration = "00:10:00", bool notifyOnResolve = true, bool lowerBound = false) => new()
    {
        ["Alerting:Rules:0:Name"] = "HallucinationRateHigh",
        ["Alerting:Rules:0:Kind"] = "hallucination_rate",
        ["Alerting:Rules:0:Severity"] = "page",
        ["Alerting:Rules:0:For"] = forDuration,
        ["Alerting:Rules:0:NotifyOnResolve"] = notifyOnResolve ? "true" : "false",
        ["Alerting:Rules:0:RequireLowerBound"] = lowerBound ? "true" : "false",
        ["Alerting:Rules:0:Labels:team"] = "support-bot",
    };

    [Fact]
    public async Task Rate_AboveThreshold_PendingForThenFiringOnceWithEvidence()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(1), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule());

        await alerts.EvaluateAsync();
        Assert.Equal(AlertState.Pending, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);
        Assert.Empty(alerts.Outbox.Sent);

        time.Advance(TimeSpan.FromMinutes(5));
        await alerts.EvaluateAsync();
        Assert.Equal(AlertState.Pending, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);
        Assert.Empty(alerts.Outbox.Sent);

        time.Advance(TimeSpan.FromMinutes(5));
        await alerts.EvaluateAsync();
        await alerts.EvaluateAsync();

        var sent = Assert.Single(alerts.Outbox.Sent);
        Assert.Equal(NotificationKinds.Firing, sent.Kind);
        Assert.StartsWith("firing: rate 8.0% > 5.0% (16/200 in 2h", sent.Reason, StringComparison.Ordinal);
        Assert.EndsWith("for 10m", sent.Reason, StringComparison.Ordinal);
        Assert.Equal("HallucinationRateHigh", sent.Labels["alertname"]);
        Assert.Equal("page", sent.Labels["severity"]);
        Assert.Equal("support-bot", sent.Labels["team"]);
        Assert.Equal("default", sent.Labels["stream"]);

        using var evidence = JsonDocument.Parse(sent.EvidenceJson!);
        var root = evidence.RootElement;
        Assert.Equal(200, root.GetProperty("samples").GetInt64());
        Assert.Equal(16, root.GetProperty("hits").GetInt64());
        Assert.Equal(0.0499, root.GetProperty("wilson_lower").GetDouble(), 0.0005);
        Assert.Equal(0.1260, root.GetProperty("wilson_upper").GetDouble(), 0.0005);
        Assert.Equal("v1", root.GetProperty("split")[0].GetProperty("prompt_version").GetString());
        var examples = root.GetProperty("examples");
        Assert.Equal(3, examples.GetArrayLength());
        Assert.Contains("[EMAIL_REDACTED]", examples[0].GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal("The refund was issued on March 3.", examples[0].GetProperty("unsupported_claims")[0].GetString());
        Assert.Contains("Wilson 95% [4.98%, 12.6%]", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("unsupported: The refund was issued on March 3.", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("<blockquote>Refund issued on March 3 [EMAIL_REDACTED]", sent.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firing_AcrossRestart_IsNotNotifiedAgainUntilRepeatInterval()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        var outbox = new CapturingOutbox();
        await using (var first = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"), outbox))
        {
            await first.EvaluateAsync();
        }

        Assert.Single(outbox.Sent);

        // Keep the window bad while the clock moves: the same rate, judged recently.
        await using var restarted = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"), outbox);
        for (var minutes = 0; minutes < 210; minutes += 30)
        {
            time.Advance(TimeSpan.FromMinutes(30));
            AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromMinutes(30), 50, 4));
            await restarted.EvaluateAsync();
        }

        Assert.Single(outbox.Sent);
        Assert.Equal(AlertState.Firing, (await restarted.InstanceAsync("HallucinationRateHigh"))!.State);

        time.Advance(TimeSpan.FromMinutes(30));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromMinutes(30), 50, 4));
        await restarted.EvaluateAsync();

        Assert.Equal(2, outbox.Sent.Count);
        Assert.Equal(NotificationKinds.Repeat, outbox.Sent[1].Kind);
        Assert.StartsWith("repeat: still firing after 4h:", outbox.Sent[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firing_RateRecovers_ResolvesAndNotifies()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"));
        await alerts.EvaluateAsync();

        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 2));
        await alerts.EvaluateAsync();
        Assert.Equal([NotificationKinds.Firing], alerts.Outbox.Sent.Select(n => n.Kind));
        time.Advance(TimeSpan.FromMinutes(15));
        await alerts.EvaluateAsync();

        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Resolved], alerts.Outbox.Sent.Select(n => n.Kind));
        // The reason quotes the level it cleared (0.8 x the threshold), not the threshold it is merely under.
        Assert.Matches(@"^resolved: rate 0\.57% <= resolve level 4\.0% \(0\.8 × threshold 5\.0%; \d+/\d+ in 2h, Wilson 95% \[", alerts.Outbox.Sent[1].Reason);
        Assert.EndsWith("for 15m", alerts.Outbox.Sent[1].Reason, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow(), alerts.Outbox.Sent[1].EndsAt);
        var history = await alerts.Store.HistoryAsync(null, 10, CancellationToken.None);
        Assert.Equal(["inactive->firing", "firing->resolved"], history.Reverse().Select(h => $"{h.From}->{h.To}"));
        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Resolved], history.Reverse().Select(h => h.Notified));
    }

    [Fact]
    public async Task Firing_ResolveOnUpperBound_TheResolveReasonQuotesTheBound()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        var rule = Rule("00:00:00");
        rule["Alerting:Rules:0:ResolveOnUpperBound"] = "true";
        rule["Alerting:Rules:0:ResolveAfter"] = "00:00:00";
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, rule);
        await alerts.EvaluateAsync();

        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 400, 4));
        time.Advance(TimeSpan.FromMinutes(1));
        await alerts.EvaluateAsync();

        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Resolved], alerts.Outbox.Sent.Select(n => n.Kind));
        Assert.Matches(@"^resolved: rate 0\.76%, its Wilson 95% upper bound [12]\.\d+% < threshold 5\.0% \(resolve rule: upper bound below the threshold; \d+/\d+ in 2h, Wilson 95% \[", alerts.Outbox.Sent[1].Reason);
    }

    [Fact]
    public async Task Resolve_WithNotifyOnResolveOff_IsRecordedButNotSent()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00", notifyOnResolve: false));
        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 2));
        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromMinutes(15));
        await alerts.EvaluateAsync();

        Assert.Equal(AlertState.Resolved, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);
        Assert.Equal([NotificationKinds.Firing], alerts.Outbox.Sent.Select(n => n.Kind));
    }

    [Fact]
    public async Task Firing_WindowFallsBelowMinSamples_SaysInsufficientDataWithTheCurrentCounts()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(1), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"));
        await alerts.EvaluateAsync();
        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);

        // The window (2h) now holds only the newest quarter of the verdicts.
        time.Advance(TimeSpan.FromMinutes(105));
        await alerts.EvaluateAsync();

        var instance = (await alerts.InstanceAsync("HallucinationRateHigh"))!;
        Assert.Equal(AlertState.Firing, instance.State);
        Assert.StartsWith("insufficient data (5", instance.Summary, StringComparison.Ordinal);
        Assert.EndsWith(" of 100 verdicts in 2h)", instance.Summary, StringComparison.Ordinal);
        using var evidence = JsonDocument.Parse(instance.Evidence!);
        Assert.InRange(evidence.RootElement.GetProperty("samples").GetInt64(), 40, 60);
    }

    [Fact]
    public async Task Firing_WithNoChannel_LeavesLastNotifiedAtEmptyAndDoesNotRepeatEachEvaluation()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        var outbox = new CapturingOutbox { Channels = 0 };
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"), outbox);

        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await alerts.EvaluateAsync();

        var instance = (await alerts.InstanceAsync("HallucinationRateHigh"))!;
        Assert.Equal(AlertState.Firing, instance.State);
        Assert.Null(instance.LastNotifiedAt);
        Assert.Null(instance.LastNotificationKind);
        Assert.Equal([NotificationKinds.Firing], outbox.Sent.Select(n => n.Kind));

        // Past the repeat interval: one repeat, then none at the following evaluations (not one per evaluation).
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(50));
            AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromMinutes(50), 90, 8));
            await alerts.EvaluateAsync();
            await alerts.EvaluateAsync();
        }

        Assert.Equal(AlertState.Firing, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);
        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Repeat], outbox.Sent.Select(n => n.Kind));
    }

    [Fact]
    public async Task Firing_RateBetweenResolveLevelAndThreshold_StaysFiring()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"));
        await alerts.EvaluateAsync();

        // 9/200 = 4.5%: under the 5% threshold, above the default resolve level 0.8 x 5% = 4%.
        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 9));
        for (var i = 0; i < 6; i++)
        {
            await alerts.EvaluateAsync();
            time.Advance(TimeSpan.FromMinutes(5));
        }

        var instance = (await alerts.InstanceAsync("HallucinationRateHigh"))!;
        Assert.Equal(AlertState.Firing, instance.State);
        Assert.Contains("held firing: above the resolve level", instance.Summary, StringComparison.Ordinal);
        Assert.Equal([NotificationKinds.Firing], alerts.Outbox.Sent.Select(n => n.Kind));
    }

    [Fact]
    public async Task Pending_ClearsBeforeFor_NeverNotifies()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:30:00"));
        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 2));
        await alerts.EvaluateAsync();

        Assert.Equal(AlertState.Inactive, (await alerts.InstanceAsync("HallucinationRateHigh"))!.State);
        Assert.Empty(alerts.Outbox.Sent);
    }

    [Fact]
    public async Task FewerThanMinSamples_HighRate_DoesNotFire()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 99, 30));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00"));
        await alerts.EvaluateAsync();

        Assert.Empty(alerts.Outbox.Sent);
        var instance = await alerts.InstanceAsync("HallucinationRateHigh");
        Assert.Equal(AlertState.Inactive, instance!.State);

        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromMinutes(1), 1, 0));
        await alerts.EvaluateAsync();
        Assert.Single(alerts.Outbox.Sent);
    }

    [Fact]
    public async Task RequireLowerBound_RateJustAboveThreshold_DoesNotFire()
    {
        // 11/200 = 5.5% > 5%, but its Wilson lower bound is 3.1%.
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 11));
        await using var strict = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00", lowerBound: true));
        await strict.EvaluateAsync();
        Assert.Empty(strict.Outbox.Sent);

        await using var naive = await AlertHarness.StartAsync(temp.DatabasePath, time, Rule("00:00:00", lowerBound: false));
        await naive.EvaluateAsync();
        Assert.Single(naive.Outbox.Sent);
    }

    public void Dispose() => temp.Dispose();
}
