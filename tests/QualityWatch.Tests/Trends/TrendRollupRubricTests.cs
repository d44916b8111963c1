using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using QualityWatch.Judging;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

/// <summary>The rollup counts the configured rubric's verdicts, and recomputes every bucket when <c>Judge:Rubric</c> changes.</summary>
public sealed class TrendRollupRubricTests
{
    [Fact]
    public async Task Rollup_RubricSwitched_RecomputesEveryHourWithTheNewRubricsVerdicts_AndSwitchingBackRestoresTheOld()
    {
        using var db = await TrendsDb.CreateAsync();

        // Two hours of one day; v1 judged every answer clean, v3 judged each hallucinated.
        foreach (var (id, at) in new[] { ("a", "2026-03-02T10:05:00Z"), ("b", "2026-03-02T13:05:00Z") })
        {
            db.Sample(id, at);
            db.Verdict(id, 5, 5, hallucination: false, judgedAt: at, rubric: "v1");
            db.Verdict(id, 2, 5, hallucination: true, judgedAt: at, rubric: "v3");
        }

        await db.Rollup.RunAsync(CancellationToken.None);
        Assert.Equal([0L, 0L, 0L], Hallucinations(db));

        // Nothing is dirty any more: only the switch itself makes the v3 run recompute.
        using (var v3 = Rollup(db, "v3"))
        {
            await v3.RunAsync(CancellationToken.None);
        }

        Assert.Equal([2L, 1L, 1L], Hallucinations(db));
        Assert.Equal("v3", Db.Scalar<string>(db.DatabasePath, "SELECT rubric_version FROM trend_state"));

        using (var v1 = Rollup(db, "v1"))
        {
            await v1.RunAsync(CancellationToken.None);
        }

        Assert.Equal([0L, 0L, 0L], Hallucinations(db));
        Assert.Equal(2, Db.Scalar<long>(db.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE rubric_version = 'v3'"));
    }

    private static TrendRollup Rollup(TrendsDb db, string rubric) =>
        new(db.Connections, db.Calendar, new CurrentRubric(rubric), TimeProvider.System, NullLogger<TrendRollup>.Instance);

    /// <summary>The day's hallucinations, then each hour's.</summary>
    private static List<long> Hallucinations(TrendsDb db)
    {
        using var connection = Db.Open(db.DatabasePath);
        return [.. connection.Query<long>("SELECT hallucinations FROM trend_rollups ORDER BY granularity, bucket_start")];
    }
}
