using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Notifications;
using QualityWatch.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

/// <summary>
/// The shipped <c>hallucination-rate-high</c> rule (read from appsettings.json) on a stable 2% stream at the incidents
/// bench's judged-sample rate (~80 verdicts an hour, so ~160 in the 2 h window). A 2 h window slid every minute over
/// such a stream reads above 5% on its point estimate about once every three days (the bench paged 4 times in 9
/// stable days, each at 8/158): the rule must ask for the Wilson lower bound above the threshold.
/// </summary>
public sealed class ShippedWindowRuleTests : IDisposable
{
    private const string RuleName = "hallucination-rate-high";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(45); // 80 verdicts an hour
    private readonly TempDirectory temp = new();

    /// <summary>The shipped rule's settings, as rule 0.</summary>
    private static Dictionary<string, string?> Shipped()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepoRoot.File("appsettings.json")).Build();
        var rule = configuration.GetSection("Alerting:Rules").GetChildren().Single(r => r["Name"] == RuleName);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in rule.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                settings[$"Alerting:Rules:0:{key}"] = value;
            }
        }

        return settings;
    }

    [Fact]
    public async Task StableTwoPercent_TenDays_TheShippedRuleNeverPages_WhileThePointEstimateAloneWould()
    {
        var time = new FakeTimeProvider(Start);
        var naivePath = Path.Combine(temp.Path, "naive.db");
        var shipped = Shipped();
        Assert.Equal("hallucination_rate", shipped["Alerting:Rules:0:Kind"]);
        var pointOnly = new Dictionary<string, string?>(shipped) { ["Alerting:Rules:0:RequireLowerBound"] = "false" };
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, shipped);
        await using var naive = await AlertHarness.StartAsync(naivePath, time, pointOnly);

        // The same verdicts in both databases; a window rule reads only the last 2 h, so later rows wait their turn.
        var random = new Random(20261206);
        var count = (int)(TimeSpan.FromDays(10) / Every);
        var rows = Enumerable.Range(0, count).Select(i => new AlertSeed.Row(Start + (Every * i), random.NextDouble() < 0.02)).ToList();
        AlertSeed.Insert(temp.DatabasePath, rows);
        AlertSeed.Insert(naivePath, rows);

        var naiveFired = 0;
        for (var at = Start + TimeSpan.FromHours(2); at <= Start + TimeSpan.FromDays(10); at += TimeSpan.FromMinutes(10))
        {
            time.SetUtcNow(at);
            await alerts.EvaluateAsync();
            await naive.EvaluateAsync();
            Assert.Empty(alerts.Outbox.Sent);
            naiveFired = naive.Outbox.Sent.Count(n => n.Kind == NotificationKinds.Firing);
        }

        // The same windows page on the point estimate alone: the quiet above is the bound at work, not a rule that never runs.
        Assert.True(naiveFired > 0, "the 2% stream never read above 5% on its point estimate");
        Assert.Equal(AlertState.Inactive, (await alerts.InstanceAsync(RuleName))!.State);
    }

    [Fact]
    public async Task TenPercentOverTwoHours_TheShippedRuleStillPages()
    {
        var time = new FakeTimeProvider(Start + TimeSpan.FromHours(2));
        await AlertHarness.MigrateAsync(temp.DatabasePath, time);
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(time.GetUtcNow(), TimeSpan.FromHours(2), 160, 16));
        await using var alerts = await AlertHarness.StartAsync(temp.DatabasePath, time, Shipped());

        await alerts.EvaluateAsync();

        var sent = Assert.Single(alerts.Outbox.Sent);
        Assert.Equal(NotificationKinds.Firing, sent.Kind);
        Assert.StartsWith("firing: rate 10.0% > 5.0% (16/160 in 2h", sent.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
