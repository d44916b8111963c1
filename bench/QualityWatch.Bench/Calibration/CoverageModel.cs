using QualityWatch.Statistics;

namespace QualityWatch.Bench.Calibration;

/// <summary>
/// Days of a stream with known truth, each calibrated afresh from stratified labels drawn without replacement out of a
/// 14-day pool of judged samples, and the day's corrected rate (the service's <see cref="JudgeCalibration"/> and
/// <see cref="CorrectedRate"/>) checked against the truth. The same model as the tests' CoverageSimulation, drawing the
/// labels per stratum from the pool's counts (hypergeometric) instead of shuffling the pool, so 1,000s of days run in seconds.
/// </summary>
internal sealed class CoverageModel(double truth, double sensitivity, double specificity, int perDay, int seed)
{
    private const int PoolDays = 14;
    private readonly Random random = new(seed);

    public CoverageResult Run(int days, int labels, double yesShare)
    {
        int corrected = 0, missing = 0, judgedCovered = 0;
        var widths = new List<double>(days);
        var pool = PoolDays * perDay;
        for (var day = 0; day < days; day++)
        {
            long tp = 0, fp = 0, fn = 0, tn = 0;
            for (var i = 0; i < pool; i++)
            {
                var (isTrue, judged) = Judge();
                _ = (isTrue, judged) switch { (true, true) => tp++, (false, true) => fp++, (true, false) => fn++, _ => tn++ };
            }

            var wantYes = (int)Math.Round(labels * yesShare);
            var yes = (int)Math.Min(wantYes, tp + fp);
            var no = (int)Math.Min(labels - yes, fn + tn);
            var labelledTp = Hypergeometric(tp, tp + fp, yes);
            var labelledFn = Hypergeometric(fn, fn + tn, no);
            var calibration = JudgeCalibration.From(new JudgeLabelCounts(labelledTp, yes - labelledTp, no - labelledFn, labelledFn), tp + fp, pool);

            var hallucinations = 0;
            for (var i = 0; i < perDay; i++)
            {
                hallucinations += Judge().Judged ? 1 : 0;
            }

            var (rate, _) = CorrectedRate.For(hallucinations, perDay, calibration);
            if (rate is { } r)
            {
                corrected += r.Lower <= truth && truth <= r.Upper ? 1 : 0;
                widths.Add(r.Upper - r.Lower);
            }
            else
            {
                missing++;
            }

            var wilson = WilsonInterval.For(hallucinations, perDay);
            judgedCovered += wilson.Lower <= truth && truth <= wilson.Upper ? 1 : 0;
        }

        widths.Sort();
        return new CoverageResult(days, labels, yesShare, (double)corrected / days, missing, widths.Count > 0 ? widths[widths.Count / 2] : double.NaN, (double)judgedCovered / days);
    }

    private (bool IsTrue, bool Judged) Judge()
    {
        var isTrue = random.NextDouble() < truth;
        return (isTrue, isTrue ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity);
    }

    /// <summary>Successes in <paramref name="draws"/> draws without replacement from <paramref name="population"/> holding <paramref name="successes"/>.</summary>
    private long Hypergeometric(long successes, long population, int draws)
    {
        long hits = 0;
        for (var i = 0; i < draws; i++)
        {
            if (random.NextDouble() * (population - i) < successes - hits)
            {
                hits++;
            }
        }

        return hits;
    }
}

internal sealed record CoverageResult(int Days, int Labels, double YesShare, double Corrected, int Missing, double MedianWidth, double Judged);
