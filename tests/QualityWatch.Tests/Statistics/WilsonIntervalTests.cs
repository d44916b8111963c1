using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    // Reference values: docs/statistics.md, "Wilson score interval" (95% two-sided), and R binom.confint(method = "wilson").
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    [InlineData(2, 20, 0.0279, 0.3010)]
    [InlineData(1, 50, 0.0035, 0.1050)]
    [InlineData(4, 200, 0.0078, 0.0503)]
    [InlineData(16, 200, 0.0498, 0.1260)]
    [InlineData(5, 100, 0.0215, 0.1118)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(50, 1000, 0.0381, 0.0653)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void For_KnownCounts_MatchesReferenceValues(long k, long n, double lower, double upper)
    {
        var interval = WilsonInterval.For(k, n);

        Assert.Equal(lower, interval.Lower, 0.0006);
        Assert.Equal(upper, interval.Upper, 0.0006);
    }

    [Fact]
    public void For_NoTrials_IsTheWholeUnitInterval() => Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.For(0, 0));

    [Fact]
    public void For_MoreSuccessesThanTrials_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.For(3, 2));
}
