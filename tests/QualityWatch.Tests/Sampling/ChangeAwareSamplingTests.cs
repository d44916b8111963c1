using Microsoft.Extensions.Time.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Sampling;

public sealed class ChangeAwareSamplingTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(Start);

    public void Dispose() => temp.Dispose();

    private static Dictionary<string, string?> Settings(int maxSamples = 0) => new()
    {
        ["Sampling:EveryN"] = "100",
        ["Sampling:Boost:EveryN"] = "10",
        ["Sampling:Boost:Duration"] = "01:00:00",
        ["Sampling:Boost:MaxSamples"] = maxSamples.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sampling:Boost:SilentAfter"] = "7.00:00:00",
    };

    private static async Task PostAsync(InProcessHost host, int count, string promptVersion, string model = "bot-1")
    {
        for (var done = 0; done < count; done += 500)
        {
            var batch = Some.Batch(Math.Min(500, count - done), _ => Some.Interaction(promptVersion: promptVersion, model: model));
            var response = await host.Client.PostAsync("/v1/interactions", Some.Json(batch));
            response.EnsureSuccessStatusCode();
        }
    }

    private long Count(string reason, string? version = null) => Db.Scalar<long>(
        temp.DatabasePath,
        "SELECT COUNT(*) FROM samples WHERE sample_reason = @reason AND (@version IS NULL OR prompt_version = @version)",
        new { reason, version });

    [Fact]
    public async Task NewPromptVersion_IsSampled1In10ForItsHour_AcrossARestart_ThenBackToBaseRate()
    {
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(), time: time))
        {
            // The stream's first versions are its baseline, not a change: routine rate.
            await PostAsync(host, 1_000, "v1");
            Assert.Equal(10, Count("every_n"));
            Assert.Equal(0, Count("boost"));

            await PostAsync(host, 1_000, "v2");
            Assert.Equal(100, Count("boost", "v2"));
        }

        time.Advance(TimeSpan.FromMinutes(30));
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(), time: time))
        {
            // The boost and its counter survived the restart.
            await PostAsync(host, 500, "v2");
            Assert.Equal(150, Count("boost", "v2"));

            time.Advance(TimeSpan.FromMinutes(31));
            await PostAsync(host, 1_000, "v2");
        }

        Assert.Equal(150, Count("boost"));
        Assert.Equal(10 + 10, Count("every_n"));
        Assert.Equal(150, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE judge_tier = 'standard'"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE sample_reason = 'every_n' AND judge_tier IS NOT NULL"));
    }

    [Fact]
    public async Task NewModel_AndAVersionSilentPastSilentAfter_BothBoost_AndMaxSamplesEndsABoostEarly()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(maxSamples: 5), time: time);
        await PostAsync(host, 100, "v1", model: "bot-1");

        await PostAsync(host, 200, "v1", model: "bot-2");
        Assert.Equal(5, Count("boost"));

        time.Advance(TimeSpan.FromDays(8));
        await PostAsync(host, 200, "v1", model: "bot-2");
        // Both came back after 8 silent days: v1 and bot-2 each boost again, each capped at 5.
        Assert.Equal(15, Count("boost"));
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM sampling_versions WHERE stream = 'default' AND boost_until > 0"));
    }

    [Fact]
    public async Task ShippedDefaults_NewPromptVersion_IsSampled1In3_UntilItsBoostHas500Samples()
    {
        // No Sampling settings: appsettings.json and the options' defaults. A judge that errs needs about 3x the
        // verdicts to decide a deploy, so they come fast (1 in 3) and the cap bounds what one version costs.
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, time: time);
        await PostAsync(host, 1_000, "v1");

        await PostAsync(host, 1_500, "v2");
        Assert.Equal(500, Count("boost", "v2"));

        await PostAsync(host, 1_500, "v2");
        Assert.Equal(500, Count("boost", "v2"));
        Assert.InRange(Count("every_n", "v2"), 10, 20);
    }

    [Fact]
    public async Task BoostDisabled_NewVersionsKeepTheRoutineRate()
    {
        var settings = Settings();
        settings["Sampling:Boost:Enabled"] = "false";
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings, time: time);
        await PostAsync(host, 100, "v1");
        await PostAsync(host, 1_000, "v2");

        Assert.Equal(0, Count("boost"));
        Assert.Equal(11, Count("every_n"));
    }
}
