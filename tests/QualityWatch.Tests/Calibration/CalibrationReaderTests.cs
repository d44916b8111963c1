using Dapper;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Calibration;
using QualityWatch.Tests.Reviews;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Calibration;

/// <summary>The reader over a migrated SQLite file: the population the triggers keep, the current calibration, the cache.</summary>
public sealed class CalibrationReaderTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await TestHost.ServicesAsync(
        temp.DatabasePath, time, new Dictionary<string, string?> { ["Calibration:CacheDuration"] = "00:10:00" }, s => s.AddCalibration());

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public void Population_KeptByTriggers_EqualsTheVerdictsGroupedByStreamJudgeModelAndRubric()
    {
        ReviewSeed.Judged(temp.DatabasePath, 7, 20, judgeModel: "judge-a");
        ReviewSeed.Judged(temp.DatabasePath, 3, 4, stream: "billing", judgeModel: "judge-a");
        ReviewSeed.Judged(temp.DatabasePath, 2, 9, judgeModel: "judge-b", rubric: "v2");

        var kept = Db.Query<(string, string, string, long, long)>(
            temp.DatabasePath, "SELECT stream, judge_model, rubric_version, judged, judged_positive FROM calibration_population ORDER BY 1, 2, 3;");
        var counted = Db.Query<(string, string, string, long, long)>(
            temp.DatabasePath,
            """
            SELECT s.stream, v.judge_model, v.rubric_version, COUNT(*), SUM(v.hallucination) FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
            """);
        Assert.Equal(counted, kept);
        Assert.Equal(3, kept.Count);
    }

    [Fact]
    public async Task Read_NewestJudgeModelIsCurrent_AndANewLabelIsSeenAtOnceDespiteTheCache()
    {
        var now = DateTimeOffset.UtcNow;
        var (oldYes, _) = ReviewSeed.Judged(temp.DatabasePath, 4, 4, judgeModel: "judge-a", occurredAt: now.AddHours(-3));
        var (newYes, _) = ReviewSeed.Judged(temp.DatabasePath, 4, 4, judgeModel: "judge-b", occurredAt: now.AddHours(-1));
        var reader = services.GetRequiredService<CalibrationReader>();
        Label(oldYes[0], true, "judge-a", 1);

        var first = await reader.ForStreamAsync("default", CancellationToken.None);
        Assert.Equal("judge-b", first.Current!.JudgeModel);
        Assert.Equal(0, first.Current.Labels.Total);
        Assert.Null(first.Current.Since);
        Assert.Equal("judge-a", Assert.Single(first.Earlier).JudgeModel);
        Assert.Equal(1, first.Earlier[0].Labels.TruePositives);

        Label(newYes[0], false, "judge-b", 2);
        var second = await reader.ForStreamAsync("default", CancellationToken.None);

        Assert.Equal(1, second.Current!.Labels.FalsePositives);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2), second.Current.Since);
    }

    [Fact]
    public async Task Read_NewVerdictsWithinTheCacheDuration_ReuseTheCalibration_AfterIt_ReadAgain()
    {
        ReviewSeed.Judged(temp.DatabasePath, 4, 4);
        var reader = services.GetRequiredService<CalibrationReader>();
        var first = await reader.ForStreamAsync("default", CancellationToken.None);

        ReviewSeed.Judged(temp.DatabasePath, 1, 1);
        Assert.Same(first, await reader.ForStreamAsync("default", CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(11));
        var later = await reader.ForStreamAsync("default", CancellationToken.None);
        Assert.Equal(10, later.Current!.Judged);
    }

    private void Label(string id, bool hallucination, string judgeModel, long at)
    {
        using var connection = Db.Open(temp.DatabasePath);
        connection.Execute(
            """
            INSERT INTO review_labels (interaction_id, reviewer, stream, hallucination, judged_hallucination, judge_model, rubric_version, version, created_at, updated_at)
            SELECT interaction_id, 'alice', stream, @hallucination, judged, judge_model, rubric_version, 1, @at, @at FROM review_pool WHERE interaction_id = @id;
            """,
            new { id, hallucination = hallucination ? 1 : 0, at });
    }
}
