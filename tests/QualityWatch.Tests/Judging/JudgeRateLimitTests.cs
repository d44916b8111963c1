using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

public sealed class JudgeRateLimitTests
{
    [Fact]
    public async Task Judge_RequestsPerMinute_IsNeverExceededAtTheSimulator()
    {
        // 26 samples at 20/min: the first 20 go at once, the rest must wait for the window to slide.
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Judge:RequestsPerMinute"] = "20",
            ["Judge:MaxConcurrency"] = "8",
        });

        await harness.SendAsync([.. Enumerable.Range(0, 26).Select(i => $"Answer {i}.")]);
        var counts = await harness.SettleAsync(TimeSpan.FromSeconds(240));

        Assert.Equal(26, counts.GetValueOrDefault("done"));
        var times = harness.Simulator.Stats.JudgeRequestTimes.Order().ToList();
        var busiestMinute = harness.Simulator.Stats.MaxRequestsInWindow(TimeSpan.FromSeconds(60));

        // The rubric cache create takes a permit too, so the first minute holds at most 19 or 20 judge calls; a loaded
        // machine may start fewer of them within that minute (failed once at load 25), which is no breach of the limit.
        Assert.True(busiestMinute is >= 12 and <= 20, $"{busiestMinute} calls in one minute at: " + string.Join(", ", times.Select(t => (t - times[0]).TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(59), $"all 26 calls within {times[^1] - times[0]}");
    }
}
