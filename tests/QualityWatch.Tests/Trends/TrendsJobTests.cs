using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Trends;

/// <summary>The Quartz wiring in the real host: the jobs run without anyone calling the services.</summary>
public sealed class TrendsJobTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Host_RollupJob_FoldsInNewVerdictsOnItsInterval()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Trends:RollupInterval"] = "00:00:01",
            ["Reports:Enabled"] = "false",
        });
        var seed = new SeedWriter(temp.DatabasePath);
        seed.Sample("job-1", "2026-03-10T10:00:00Z", "p1");
        seed.Verdict("job-1", hallucination: true, "2099-01-01T00:00:00Z");

        var judged = await WaitForAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COALESCE(SUM(judged), 0) FROM trend_rollups WHERE granularity = 'hour'"), v => v == 1);

        Assert.Equal(1, judged);
    }

    [Fact]
    public async Task Host_ReportJob_AtStartup_CatchesUpTheUnsentDays()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reports:SendAt"] = "00:00",
            ["Reports:CatchUpDays"] = "2",
        };

        // A first start only to migrate the file (reports off: days before any traffic are never
        // reported, which DailyReportSenderTests proves on the sender itself).
        await using (await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Reports:Enabled"] = "false" }))
        {
        }

        // Traffic since three days ago: the two days within the window are caught up at the next start.
        var threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3);
        using (var connection = Db.Open(temp.DatabasePath))
        {
            connection.Execute(
                "INSERT INTO volume_hourly (stream, hour_start, received) VALUES ('default', @hour, 1)",
                new { hour = new DateTimeOffset(threeDaysAgo.Year, threeDaysAgo.Month, threeDaysAgo.Day, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() });
        }

        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        var sent = await WaitForAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM daily_reports WHERE sent_at IS NOT NULL"), v => v == 2);

        Assert.Equal(2, sent);
    }

    private static Task<long> WaitForAsync(Func<long> read, Func<long, bool> done) => Eventually.ValueAsync(read, done);
}
