using QualityWatch.Statistics;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

public sealed class TrendRollupTests
{
    private static long Ms(string iso) => TrendsDb.Ms(iso);

    /// <summary>Hour 10: five p1/m1 samples (3 judged, 1 failed, 1 pending); hour 11: two p2/m1 samples, both judged.</summary>
    private static void SeedTwoHours(TrendsDb db)
    {
        db.Sample("a1", "2026-03-10T10:05:00Z");
        db.Verdict("a1", accuracy: 5, tone: 4, hallucination: false, judgedAt: "2026-03-10T10:06:00Z", cost: 0.001, promptTokens: 1000, outputTokens: 50);
        db.Sample("a2", "2026-03-10T10:20:00Z");
        db.Verdict("a2", accuracy: 2, tone: 3, hallucination: true, judgedAt: "2026-03-10T10:21:00Z", cost: 0.002, promptTokens: 1100, outputTokens: 70);
        db.Sample("a3", "2026-03-10T10:59:59.999Z");
        db.Verdict("a3", accuracy: 4, tone: 4, hallucination: false, judgedAt: "2026-03-10T11:30:00Z", cost: 0.003, promptTokens: 1200, outputTokens: 80);
        db.Sample("a4", "2026-03-10T10:30:00Z", status: "failed", updatedAt: "2026-03-10T10:40:00Z");
        db.Sample("a5", "2026-03-10T10:45:00Z", status: "pending");
        db.Sample("b1", "2026-03-10T11:00:00Z", promptVersion: "p2");
        db.Verdict("b1", accuracy: 1, tone: 2, hallucination: true, judgedAt: "2026-03-10T11:01:00Z");
        db.Sample("b2", "2026-03-10T11:10:00Z", promptVersion: "p2");
        db.Verdict("b2", accuracy: 3, tone: 5, hallucination: true, judgedAt: "2026-03-10T11:11:00Z");
        db.Volume("2026-03-10T10:00:00Z", 500);
        db.Volume("2026-03-10T11:00:00Z", 200, promptVersion: "p2");
    }

    [Fact]
    public async Task Rollup_SeededSamplesAndVerdicts_MatchHandComputedNumbers()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedTwoHours(db);

        await db.Rollup.RunAsync(CancellationToken.None);
        var hours = await db.Queries.GetAsync(TrendGranularity.Hour, "support", Ms("2026-03-10T00:00:00Z"), Ms("2026-03-11T00:00:00Z"), CancellationToken.None);

        Assert.Equal(2, hours.Count);
        var h10 = hours[0];
        Assert.Equal((Ms("2026-03-10T10:00:00Z"), Ms("2026-03-10T11:00:00Z"), "p1", "m1"), (h10.BucketStart, h10.BucketEnd, h10.PromptVersion, h10.Model));
        Assert.Equal((500L, 5L, 3L, 1L, 1L), (h10.Interactions, h10.Sampled, h10.Judged, h10.Failed, h10.Hallucinations));
        Assert.Equal(1.0 / 3, h10.HallucinationRate!.Value, 1e-9);
        Assert.Equal(WilsonInterval.For(1, 3), h10.HallucinationInterval);
        Assert.Equal([0L, 1, 0, 1, 1], h10.AccuracyCounts);
        Assert.Equal([0L, 0, 1, 2, 0], h10.ToneCounts);
        Assert.Equal(11.0 / 3, h10.AccuracyMean!.Value, 1e-9);
        Assert.Equal(11.0 / 3, h10.ToneMean!.Value, 1e-9);
        Assert.Equal((3300L, 2400L, 200L, 30L), (h10.PromptTokens, h10.CachedTokens, h10.OutputTokens, h10.ThinkingTokens));
        Assert.Equal(0.006, h10.CostUsd, 1e-9);

        var h11 = hours[1];
        Assert.Equal((Ms("2026-03-10T11:00:00Z"), "p2"), (h11.BucketStart, h11.PromptVersion));
        Assert.Equal((200L, 2L, 2L, 0L, 2L), (h11.Interactions, h11.Sampled, h11.Judged, h11.Failed, h11.Hallucinations));
        Assert.Equal([1L, 0, 1, 0, 0], h11.AccuracyCounts);

        var days = await db.Queries.GetAsync(TrendGranularity.Day, "support", Ms("2026-03-10T00:00:00Z"), Ms("2026-03-11T00:00:00Z"), CancellationToken.None);
        Assert.Equal(2, days.Count);
        Assert.All(days, d => Assert.Equal((Ms("2026-03-10T00:00:00Z"), Ms("2026-03-11T00:00:00Z")), (d.BucketStart, d.BucketEnd)));
        Assert.Equal((500L, 5L, 3L, 1L), (days[0].Interactions, days[0].Sampled, days[0].Judged, days[0].Hallucinations));
        Assert.Equal((200L, 2L, 2L, 2L), (days[1].Interactions, days[1].Sampled, days[1].Judged, days[1].Hallucinations));
    }

    [Fact]
    public async Task Rollup_LateVerdict_FoldsIntoTheHourTheInteractionHappened()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedTwoHours(db);
        await db.Rollup.RunAsync(CancellationToken.None);

        // a5 was pending; its verdict arrives two days later, and a backfilled sample arrives for hour 10 as well.
        db.Verdict("a5", accuracy: 1, tone: 1, hallucination: true, judgedAt: "2026-03-12T09:00:00Z");
        db.Sample("late", "2026-03-10T10:50:00Z", updatedAt: "2026-03-12T09:00:00Z", status: "pending");
        db.Verdict("late", accuracy: 5, tone: 5, hallucination: false, judgedAt: "2026-03-12T09:01:00Z");
        var result = await db.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Hours);
        var h10 = (await db.Queries.GetAsync(TrendGranularity.Hour, "support", Ms("2026-03-10T10:00:00Z"), Ms("2026-03-10T11:00:00Z"), CancellationToken.None)).Single();
        Assert.Equal((6L, 5L, 2L), (h10.Sampled, h10.Judged, h10.Hallucinations));
        Assert.Equal([1L, 1, 0, 1, 2], h10.AccuracyCounts);
        var day = (await db.Queries.GetAsync(TrendGranularity.Day, "support", Ms("2026-03-10T00:00:00Z"), Ms("2026-03-11T00:00:00Z"), CancellationToken.None)).First(b => b.PromptVersion == "p1");
        Assert.Equal((6L, 5L, 2L), (day.Sampled, day.Judged, day.Hallucinations));
        Assert.Empty(await db.Queries.GetAsync(TrendGranularity.Hour, "support", Ms("2026-03-12T00:00:00Z"), Ms("2026-03-13T00:00:00Z"), CancellationToken.None));
    }

    [Fact]
    public async Task Rollup_ReRunAndFullRecompute_GiveIdenticalRows()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedTwoHours(db);
        await db.Rollup.RunAsync(CancellationToken.None);
        var first = db.Dump();

        var again = await db.Rollup.RunAsync(CancellationToken.None);
        Assert.Equal(first, db.Dump());
        Assert.Equal(0, again.Hours);

        // Corrupt the rows and mark every hour stale: each is recomputed from the stored verdicts, with the same numbers.
        using (var connection = Support.Db.Open(db.DatabasePath))
        {
            Dapper.SqlMapper.Execute(
                connection,
                """
                UPDATE trend_rollups SET judged = 999;
                INSERT INTO trend_dirty (stream, hour) SELECT DISTINCT stream, occurred_at - (occurred_at % 3600000) FROM samples WHERE true
                ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
                """);
        }

        var full = await db.Rollup.RunAsync(CancellationToken.None);
        Assert.Equal(first, db.Dump());
        Assert.Equal(2, full.Hours);
        Assert.NotEmpty(first);
    }

    [Fact]
    public async Task Rollup_NoNewWork_RecomputesNothing()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedTwoHours(db);
        var first = await db.Rollup.RunAsync(CancellationToken.None);

        var second = await db.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal((2, 1), (first.Hours, first.Days));
        Assert.Equal((0, 0), (second.Hours, second.Days));
    }

    [Fact]
    public async Task Rollup_VerdictStampedEarlierButCommittedLater_IsStillCounted()
    {
        // Two judge workers: b1's verdict (stamped 11:01) commits and is rolled up before a1's,
        // stamped 10:06, commits. No clock-based watermark may skip a1.
        using var db = await TrendsDb.CreateAsync();
        db.Sample("a1", "2026-03-10T10:05:00Z", status: "pending");
        db.Sample("b1", "2026-03-10T10:10:00Z", status: "pending");
        db.Verdict("b1", accuracy: 5, tone: 5, hallucination: false, judgedAt: "2026-03-10T11:01:00Z");
        await db.Rollup.RunAsync(CancellationToken.None);

        db.Verdict("a1", accuracy: 1, tone: 1, hallucination: true, judgedAt: "2026-03-10T10:06:00Z");
        var result = await db.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Hours);
        var h10 = (await db.Queries.GetAsync(TrendGranularity.Hour, "support", Ms("2026-03-10T10:00:00Z"), Ms("2026-03-10T11:00:00Z"), CancellationToken.None)).Single();
        Assert.Equal((2L, 2L, 1L), (h10.Sampled, h10.Judged, h10.Hallucinations));
    }

    [Fact]
    public async Task Rollup_SampleFailsAfterARun_CountsTheFailure()
    {
        using var db = await TrendsDb.CreateAsync();
        db.Sample("a1", "2026-03-10T10:05:00Z", status: "pending");
        await db.Rollup.RunAsync(CancellationToken.None);

        using (var connection = Support.Db.Open(db.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE samples SET status = 'failed' WHERE interaction_id = 'a1';");
        }

        await db.Rollup.RunAsync(CancellationToken.None);

        var h10 = (await db.Queries.GetAsync(TrendGranularity.Hour, "support", Ms("2026-03-10T10:00:00Z"), Ms("2026-03-10T11:00:00Z"), CancellationToken.None)).Single();
        Assert.Equal((1L, 0L, 1L), (h10.Sampled, h10.Judged, h10.Failed));
    }

    [Fact]
    public async Task Rollup_NewYorkZone_CutsDaysAtLocalMidnight()
    {
        using var db = await TrendsDb.CreateAsync("America/New_York");

        // 04:59Z is 23:59 EST on Jan 14; 05:00Z is midnight starting Jan 15.
        db.Sample("before", "2026-01-15T04:59:00Z");
        db.Verdict("before", 5, 5, hallucination: true, judgedAt: "2026-01-15T06:00:00Z");
        db.Sample("after", "2026-01-15T05:00:00Z");
        db.Verdict("after", 5, 5, hallucination: false, judgedAt: "2026-01-15T06:00:00Z");
        db.Volume("2026-01-15T04:00:00Z", 70);
        db.Volume("2026-01-15T05:00:00Z", 30);
        await db.Rollup.RunAsync(CancellationToken.None);

        var days = await db.Queries.GetAsync(TrendGranularity.Day, "support", Ms("2026-01-14T05:00:00Z"), Ms("2026-01-16T05:00:00Z"), CancellationToken.None);

        Assert.Equal(2, days.Count);
        Assert.Equal((Ms("2026-01-14T05:00:00Z"), Ms("2026-01-15T05:00:00Z")), (days[0].BucketStart, days[0].BucketEnd));
        Assert.Equal((1L, 1L, 70L), (days[0].Judged, days[0].Hallucinations, days[0].Interactions));
        Assert.Equal((Ms("2026-01-15T05:00:00Z"), Ms("2026-01-16T05:00:00Z")), (days[1].BucketStart, days[1].BucketEnd));
        Assert.Equal((1L, 0L, 30L), (days[1].Judged, days[1].Hallucinations, days[1].Interactions));
    }

    [Fact]
    public async Task Rollup_SpringForwardDay_Is23HoursLongAndKeepsItsSamples()
    {
        using var db = await TrendsDb.CreateAsync("America/New_York");

        // 2026-03-08 is the US spring-forward day: 05:00Z to 04:00Z next day. 03:30Z on Mar 9 is 23:30 EDT on Mar 8.
        db.Sample("late-evening", "2026-03-09T03:30:00Z");
        db.Verdict("late-evening", 3, 3, hallucination: true, judgedAt: "2026-03-09T05:00:00Z");
        db.Sample("next-morning", "2026-03-09T04:30:00Z");
        db.Verdict("next-morning", 3, 3, hallucination: false, judgedAt: "2026-03-09T05:00:00Z");
        await db.Rollup.RunAsync(CancellationToken.None);

        var days = await db.Queries.GetAsync(TrendGranularity.Day, "support", Ms("2026-03-08T05:00:00Z"), Ms("2026-03-10T04:00:00Z"), CancellationToken.None);

        Assert.Equal(2, days.Count);
        Assert.Equal(TimeSpan.FromHours(23).TotalMilliseconds, days[0].BucketEnd - days[0].BucketStart);
        Assert.Equal((Ms("2026-03-08T05:00:00Z"), 1L), (days[0].BucketStart, days[0].Hallucinations));
        Assert.Equal((Ms("2026-03-09T04:00:00Z"), 0L, 1L), (days[1].BucketStart, days[1].Hallucinations, days[1].Judged));
    }

    [Fact]
    public async Task Rollup_TimeZoneChanged_RecutsEveryDay()
    {
        using var db = await TrendsDb.CreateAsync();
        db.Sample("x", "2026-01-15T04:59:00Z");
        db.Verdict("x", 4, 4, hallucination: false, judgedAt: "2026-01-15T06:00:00Z");
        await db.Rollup.RunAsync(CancellationToken.None);

        using var ny = new TrendRollup(db.Connections, new TrendCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York")), new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<TrendRollup>.Instance);
        await ny.RunAsync(CancellationToken.None);

        var starts = Support.Db.Query<long>(db.DatabasePath, "SELECT bucket_start FROM trend_rollups WHERE granularity = 'day'");
        Assert.Equal([Ms("2026-01-14T05:00:00Z")], starts);
    }
}
