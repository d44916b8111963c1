using QualityWatch.Reports;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Reports;

public sealed class ChartAxisTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Fact]
    public void For_TwoDaysOfDataInAFortnight_SpansTheDataNotTheEmptyDays()
    {
        var axis = ChartAxis.For(History(14, withData: 2), []);

        Assert.Equal((new DateOnly(2026, 3, 8), Day), (axis.First, axis.Last));
        Assert.Equal(["2026-03-08", "2026-03-09", "2026-03-10"], axis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void For_AFullFortnight_AtMostSevenIsoTicks_TheReportedDayLabelled()
    {
        var axis = ChartAxis.For(History(14, withData: 14), []);

        Assert.Equal(new DateOnly(2026, 2, 25), axis.First);
        Assert.Equal(7, axis.Ticks.Count);
        Assert.Equal("2026-03-10", axis.Ticks[^1].Label);
        Assert.Equal("2026-02-26", axis.Ticks[0].Label);
        Assert.All(axis.Ticks, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", t.Label));
    }

    [Fact]
    public void For_AChangeBeforeTheFirstVerdict_StartsAtTheChange()
    {
        var axis = ChartAxis.For(History(14, withData: 2), [new DateOnly(2026, 3, 5)]);

        Assert.Equal(new DateOnly(2026, 3, 5), axis.First);
    }

    [Fact]
    public void For_NoData_StillDrawsTheLastThreeDays()
    {
        var axis = ChartAxis.For(History(14, withData: 0), []);

        Assert.Equal(3, axis.Last.DayNumber - axis.First.DayNumber + 1);
    }

    private static List<(DateOnly, TrendBucket)> History(int days, int withData) =>
        [.. Enumerable.Range(0, days).Select(i => (Day.AddDays(i - days + 1), new TrendBucket { Judged = i >= days - withData ? 10 : 0 }))];
}
