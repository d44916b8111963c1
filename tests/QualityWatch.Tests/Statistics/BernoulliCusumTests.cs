using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

public sealed class BernoulliCusumTests
{
    [Fact]
    public void AlarmLevel_ReferenceScenario_IsConservativeAgainstTheExactChain()
    {
        // 100 samples/h, 1 false alarm per 30 days -> ARL0 72,000; the exact Markov chain gives h = 7.30 (docs/statistics.md, "Bernoulli CUSUM").
        var arl0 = BernoulliCusum.Arl0Samples(1, 100);
        var h = BernoulliCusum.AlarmLevel(arl0, 0.02, 0.08);

        Assert.Equal(72_000, arl0, 1e-6);
        Assert.InRange(h, 7.30, 8.0);
        Assert.Equal(arl0, BernoulliCusum.ApproximateArl0(h, 0.02, 0.08), 1.0);
    }

    [Theory]
    [InlineData(0.02, 0.08, 3000)]
    [InlineData(0.05, 0.10, 2000)]
    public void AlarmLevel_Simulated_InControlRunLengthMeetsTheBudget(double p0, double p1, double arl0)
    {
        var h = BernoulliCusum.AlarmLevel(arl0, p0, p1);
        var (hit, miss) = BernoulliCusum.Llr(p0, p1);
        var random = new Random(20240601);
        const int Runs = 400;
        double total = 0;
        for (var run = 0; run < Runs; run++)
        {
            double w = 0;
            long t = 0;
            do
            {
                t++;
                w = Math.Max(0, w + (random.NextDouble() < p0 ? hit : miss));
            }
            while (w < h);
            total += t;
        }

        var mean = total / Runs;

        // Conservative (overshoot ignored) but not wastefully so: the simulated ARL0 is 1-3x the target.
        Assert.InRange(mean, arl0 * 0.9, arl0 * 3);
    }

    [Fact]
    public void AlarmLevel_SimulatedShift_IsDetectedNearTheWaldDelay()
    {
        var h = BernoulliCusum.AlarmLevel(72_000, 0.02, 0.08);
        var (hit, miss) = BernoulliCusum.Llr(0.02, 0.08);
        var random = new Random(7);
        double total = 0;
        for (var run = 0; run < 400; run++)
        {
            double w = 0;
            long t = 0;
            do
            {
                t++;
                w = Math.Max(0, w + (random.NextDouble() < 0.08 ? hit : miss));
            }
            while (w < h);
            total += t;
        }

        // Exact zero-state delay at h = 7.30 is 130 samples; the conservative h costs a little more.
        Assert.InRange(total / 400, 120, 175);
    }
}
