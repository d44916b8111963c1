using Microsoft.Extensions.Time.Testing;
using QualityWatch.Incidents;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Incidents;

/// <summary>Signals grouped into incidents over a real migrated database: one thread per regression, ack, silences.</summary>
public sealed class IncidentTrackerTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A hallucination-rate rule and an accuracy-mean rule on every stream, both firing at once and resolving without a hold.</summary>
    private static Dictionary<string, string?> TwoQualityRules() => new()
    {
        ["Alerting:Rules:0:Name"] = "hallucination-rate-high",
        ["Alerting:Rules:0:Kind"] = "hallucination_rate",
        ["Alerting:Rules:0:ResolveAfter"] = "00:00:00",
        ["Alerting:Rules:1:Name"] = "accuracy-low",
        ["Alerting:Rules:1:Kind"] = "accuracy_mean",
        ["Alerting:Rules:1:ResolveAfter"] = "00:00:00",
    };

    [Fact]
    public async Task TwoSignalsAboutOneVersion_OneIncident_OnePageAnUpdateAndOneResolve()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, TwoQualityRules());

        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 2, "v2"));
        await alerts.EvaluateAsync();

        var sent = alerts.Outbox.Sent;
        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Update, NotificationKinds.Update, NotificationKinds.Resolved], sent.Select(n => n.Kind));
        var incident = Assert.Single(await alerts.Incidents.ListAsync(null, null, 10, CancellationToken.None));
        Assert.All(sent, n => Assert.Equal(incident.Key, n.Key));
        Assert.All(sent, n => Assert.Equal(incident.Id, n.Labels["incident_id"]));
        Assert.All(sent, n => Assert.Equal("hallucination-rate-high", n.Labels["alertname"]));
        Assert.Equal("prompt_version v2", incident.Subject.Text);
        Assert.Equal(IncidentKinds.Quality, incident.Subject.Kind);
        Assert.Equal(IncidentStates.Resolved, incident.State);
        Assert.Equal("v2", sent[0].Labels["prompt_version"]);
        Assert.StartsWith("update: accuracy-low also fires", sent[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("update: ", sent[2].Reason, StringComparison.Ordinal);
        Assert.Contains("1 signal(s) still firing", sent[2].Reason, StringComparison.Ordinal);

        var view = (await alerts.IncidentQueries.GetAsync(incident.Id, CancellationToken.None))!;
        Assert.Equal(["accuracy-low", "hallucination-rate-high"], view.Signals.Select(s => s.Rule).Order());
        Assert.All(view.Signals, s => Assert.Equal("resolved", s.State));
    }

    [Fact]
    public async Task Backlog_IsAnOperationalIncident_ApartFromTheQualityOne()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        AlertSeed.Insert(temp.DatabasePath, [new AlertSeed.Row(time.GetUtcNow(), false, Status: "pending", ReceivedAt: time.GetUtcNow().AddHours(-2))]);
        var rules = TwoQualityRules();
        rules["Alerting:Rules:2:Name"] = "judge-backlog";
        rules["Alerting:Rules:2:Kind"] = "backlog";
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, rules);

        await alerts.EvaluateAsync();

        var incidents = await alerts.Incidents.ListAsync(null, null, 10, CancellationToken.None);
        Assert.Equal([IncidentKinds.Operational, IncidentKinds.Quality], incidents.Select(i => i.Subject.Kind).Order());
        var operational = incidents.Single(i => i.Subject.Kind == IncidentKinds.Operational);
        Assert.Equal("rule backlog", operational.Subject.Text);
        Assert.Equal("operational", operational.Labels["incident_kind"]);
        Assert.Equal(2, alerts.Outbox.Sent.Count(n => n.Kind == NotificationKinds.Firing));
    }

    [Fact]
    public async Task Acknowledged_StopsTheRepeats_ButStillResolvesOnce()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, TwoQualityRules());
        await alerts.EvaluateAsync();
        var incident = Assert.Single(await alerts.Incidents.ListAsync(null, null, 10, CancellationToken.None));

        Assert.True(await alerts.Incidents.AcknowledgeAsync(incident.Id, "alice", "rolling back v2", time.GetUtcNow(), CancellationToken.None));
        time.Advance(TimeSpan.FromHours(4));
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await alerts.EvaluateAsync();
        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Update], alerts.Outbox.Sent.Select(n => n.Kind));

        time.Advance(TimeSpan.FromHours(2));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 200, 2, "v2"));
        await alerts.EvaluateAsync();

        Assert.Equal(NotificationKinds.Resolved, alerts.Outbox.Sent[^1].Kind);
        Assert.DoesNotContain(NotificationKinds.Repeat, alerts.Outbox.Sent.Select(n => n.Kind));
        var acknowledged = (await alerts.IncidentQueries.GetAsync(incident.Id, CancellationToken.None))!;
        Assert.Equal(("alice", "rolling back v2"), (acknowledged.AcknowledgedBy, acknowledged.AcknowledgedNote));
    }

    [Fact]
    public async Task WithoutAcknowledgement_TheIncidentRepeatsOncePerInterval_NotOncePerSignal()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, TwoQualityRules());
        await alerts.EvaluateAsync();

        time.Advance(TimeSpan.FromHours(4));
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await alerts.EvaluateAsync();

        Assert.Equal([NotificationKinds.Firing, NotificationKinds.Update, NotificationKinds.Repeat], alerts.Outbox.Sent.Select(n => n.Kind));
    }

    [Fact]
    public async Task Silence_HoldsThePage_AndItsExpiryWhileStillFiringPagesThen()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, TwoQualityRules());
        var now = time.GetUtcNow();
        await alerts.Silences.CreateAsync(new Silence("sil_test", "default", "v2", null, now, now.AddHours(1), "bob", "deploying v2, known noisy", now, null, null), CancellationToken.None);

        await alerts.EvaluateAsync();
        time.Advance(TimeSpan.FromMinutes(30));
        await alerts.EvaluateAsync();
        Assert.Empty(alerts.Outbox.Sent);
        var incident = Assert.Single(await alerts.Incidents.ListAsync(null, null, 10, CancellationToken.None));
        Assert.True(incident.Held);
        Assert.True((await alerts.IncidentQueries.GetAsync(incident.Id, CancellationToken.None))!.Silenced);

        time.Advance(TimeSpan.FromMinutes(31));
        await alerts.EvaluateAsync();
        await alerts.EvaluateAsync();

        var page = Assert.Single(alerts.Outbox.Sent);
        Assert.Equal(NotificationKinds.Firing, page.Kind);
        Assert.StartsWith("silence ended, incident still open: 2 signal(s) firing", page.Reason, StringComparison.Ordinal);
        Assert.Equal(incident.Key, page.Key);
    }

    [Fact]
    public async Task Silence_OfAnotherVersion_DoesNotHoldThePage()
    {
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, Bad(time.GetUtcNow(), "v2"));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, TwoQualityRules());
        var now = time.GetUtcNow();
        await alerts.Silences.CreateAsync(new Silence("sil_test", "default", "v3", null, now, now.AddHours(1), "bob", "v3 only", now, null, null), CancellationToken.None);

        await alerts.EvaluateAsync();

        Assert.Equal(NotificationKinds.Firing, alerts.Outbox.Sent[0].Kind);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>200 verdicts of the version over the last 2 h: 8% hallucinated, accuracy 2 of 5.</summary>
    private static IEnumerable<AlertSeed.Row> Bad(DateTimeOffset end, string version) =>
        AlertSeed.Spread(end, TimeSpan.FromHours(2), 200, 16, version).Select(r => r with { Accuracy = 2 });
}
