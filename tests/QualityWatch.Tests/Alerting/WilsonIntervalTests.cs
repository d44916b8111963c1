using QualityWatch.Alerting;

namespace QualityWatch.Tests.Alerting;

public sealed class WilsonIntervalTests
{
    // Published 95% Wilson bounds (Brown, Cai & DasGupta 2001; statsmodels proportion_confint method='wilson').
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    [InlineData(5, 100, 0.0215, 0.1118)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(16, 200, 0.0499, 0.1260)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Compute_KnownCounts_MatchesPublishedBounds(long k, long n, double lower, double upper)
    {
        var (l, u) = WilsonInterval.Compute(k, n);

        Assert.Equal(lower, l, 0.0005);
        Assert.Equal(upper, u, 0.0005);
    }

    [Fact]
    public void Compute_NoTrials_IsTheWholeRange()
    {
        Assert.Equal((0.0, 1.0), WilsonInterval.Compute(0, 0));
    }
}
