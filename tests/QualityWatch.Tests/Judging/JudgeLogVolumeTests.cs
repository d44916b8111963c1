using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

/// <summary>What an operator reads at the shipped log levels while the judge answers 429 to most calls.</summary>
public sealed class JudgeLogVolumeTests
{
    [Fact]
    public async Task RateLimitStorm_AtTheShippedLevels_LogsNoLinePerHttpAttempt_AndARetryLineOncePerKind()
    {
        var logs = new FakeLogCollector();
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Judge:MaxAttempts"] = "20" };
        await using var harness = await JudgeHarness.StartAsync(settings: settings, logs: logs);
        harness.Simulator.Faults.RetryDelay = TimeSpan.FromMilliseconds(20);
        harness.Simulator.Faults.Rate429 = 0.8;
        var started = logs.Count;

        await harness.SendAsync([.. Enumerable.Range(0, 30).Select(i => $"Answer {i}.")]);
        var counts = await harness.SettleAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(30, counts.GetValueOrDefault("done"));
        var rateLimited = harness.Simulator.Stats.Records.Count(r => r.StatusCode == 429);
        var retried = Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE attempts > 1");
        Assert.True(rateLimited >= 30 && retried >= 2, $"not a storm: {rateLimited} answers 429, {retried} samples needed a second attempt");

        var lines = logs.GetSnapshot().Skip(started).ToList();
        var shown = string.Join('\n', lines.Select(r => $"{r.Level} {r.Category}[{r.Id.Id}] {r.Message}"));
        Assert.DoesNotContain(lines, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        Assert.Single(lines, r => r.Is(3004) && r.Message.Contains("RateLimited", StringComparison.Ordinal));
        Assert.True(lines.Count <= 10, $"{lines.Count} lines for {rateLimited} rate-limited answers:\n{shown}");
    }
}
