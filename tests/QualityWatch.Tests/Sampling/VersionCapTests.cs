using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Sampling;

/// <summary>A sender minting a prompt_version per request costs a bounded number of tracked versions and rows.</summary>
public sealed class VersionCapTests : IDisposable
{
    private const string Folded = "qualitywatch_sampling_versions_folded_total";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(Start);

    public void Dispose() => temp.Dispose();

    private static Dictionary<string, string?> Settings(int cap) => new()
    {
        ["Sampling:EveryN"] = "1",
        ["Sampling:MaxVersionsPerStream"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Metrics:StateRefreshInterval"] = "00:00:00",
    };

    private static async Task PostAsync(InProcessHost host, IEnumerable<string> promptVersions, string model = "bot-1")
    {
        var batch = Some.Batch(0);
        foreach (var version in promptVersions)
        {
            batch.Add(Some.Interaction(promptVersion: version, model: model));
        }

        (await host.Client.PostAsync("/v1/interactions", Some.Json(batch))).EnsureSuccessStatusCode();
    }

    private static IEnumerable<string> Versions(int from, int count) => Enumerable.Range(from, count).Select(i => $"v{i}");

    private List<string> Tracked(string dimension) => Db.Query<string>(
        temp.DatabasePath, "SELECT value FROM sampling_versions WHERE stream = 'default' AND dimension = @dimension ORDER BY value", new { dimension });

    private long Count(string sql) => Db.Scalar<long>(temp.DatabasePath, sql);

    [Fact]
    public async Task VersionsPastTheCap_AreCountedAsOther_EverywhereTheyWouldBeStored_WithTheCounterAndARateLimitedWarning()
    {
        var logs = new FakeLogCollector();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(cap: 3), logs, time);

        await PostAsync(host, Versions(0, 10));
        await PostAsync(host, Versions(10, 10));

        Assert.Equal(["v0", "v1", "v2"], Tracked("prompt_version"));
        Assert.Equal(["bot-1"], Tracked("model"));
        Assert.Equal(17, Count("SELECT COUNT(*) FROM samples WHERE prompt_version = '_other'"));
        Assert.Equal(["_other", "v0", "v1", "v2"], Db.Query<string>(temp.DatabasePath, "SELECT DISTINCT prompt_version FROM volume_hourly ORDER BY 1"));
        Assert.Equal(17, Count("SELECT SUM(received) FROM volume_hourly WHERE prompt_version = '_other'"));

        var scrape = await MetricsScrape.FetchAsync(host.Client);
        Assert.Equal(17, scrape.Sum(Folded, ("stream", "default"), ("dimension", "prompt_version")));
        Assert.Equal(0, scrape.Sum(Folded, ("stream", "default"), ("dimension", "model")));

        // 17 folds, two requests: one warning, which names neither value.
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Is(11001));
        Assert.DoesNotContain("v3", warning.Text(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(10));
        await PostAsync(host, Versions(20, 5));
        var warnings = logs.GetSnapshot().Where(r => r.Is(11001)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(" 17 interactions", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentVersions_AreForgottenAfterForgetVersionsAfter_AndTheirPlacesGoToNewOnes()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(cap: 2), time: time);
        await PostAsync(host, ["v0", "v1"]);

        time.Advance(TimeSpan.FromDays(20));
        await PostAsync(host, ["v1"]);
        await PostAsync(host, ["v2"]);
        Assert.Equal(["v0", "v1"], Tracked("prompt_version"));

        // v0 has been silent for over 30 days: forgotten, in the table too; v1 was seen 10 days ago and stays.
        time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        await PostAsync(host, ["v3"]);

        Assert.Equal(["v1", "v3"], Tracked("prompt_version"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM samples WHERE prompt_version = 'v3'"));
    }

    [Fact]
    public async Task ADatabaseTrackingMoreThanTheCap_IsReadUpToTheCapOfItsMostRecentVersions()
    {
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(cap: 1_000), time: time))
        {
            await PostAsync(host, ["baseline"]);
        }

        // 5,000 versions tracked by a build without the cap, the most recent last.
        using (var connection = Db.Open(temp.DatabasePath))
        using (var transaction = connection.BeginTransaction())
        {
            for (var i = 0; i < 5_000; i++)
            {
                Dapper.SqlMapper.Execute(
                    connection,
                    "INSERT INTO sampling_versions VALUES ('default', 'prompt_version', @value, @seen, @seen, 0, 0, 0)",
                    new { value = $"old-{i}", seen = Start.ToUnixTimeMilliseconds() + i },
                    transaction);
            }

            transaction.Commit();
        }

        time.Advance(TimeSpan.FromHours(1));
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(cap: 200), time: time))
        {
            await PostAsync(host, ["old-4999", "old-4800", "old-4799", "brand-new"]);
        }

        // The 200 most recent are known (old-4800 … old-4999); older ones and new ones fold until places free up.
        Assert.Equal(["_other", "_other", "old-4800", "old-4999"], Db.Query<string>(
            temp.DatabasePath, "SELECT prompt_version FROM samples WHERE prompt_version <> 'baseline' ORDER BY 1"));
    }
}
