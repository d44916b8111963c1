using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

/// <summary>Days of a 2% stream judged by a 0.85 / 0.96 judge, each calibrated afresh, for interval coverage.</summary>
internal static class CoverageSimulation
{
    public static (double Corrected, double Judged) Run(int days, int labels, int seed)
    {
        const double truth = 0.02, sensitivity = 0.85, specificity = 0.96;
        const int perDay = 2400, pool = 14 * perDay;
        var random = new Random(seed);
        int corrected = 0, judgedCovered = 0;
        for (var day = 0; day < days; day++)
        {
            // The pool the labels are drawn from: (judged, true) for every verdict of 14 days.
            var positives = new List<bool>();
            var negatives = new List<bool>();
            for (var i = 0; i < pool; i++)
            {
                var isTrue = random.NextDouble() < truth;
                var judged = isTrue ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity;
                (judged ? positives : negatives).Add(isTrue);
            }

            var half = labels / 2;
            var tp = positives.OrderBy(_ => random.Next()).Take(half).Count(t => t);
            var fn = negatives.OrderBy(_ => random.Next()).Take(labels - half).Count(t => t);
            var calibration = JudgeCalibration.From(new JudgeLabelCounts(tp, half - tp, labels - half - fn, fn), positives.Count, pool);

            var hallucinations = 0;
            for (var i = 0; i < perDay; i++)
            {
                var isTrue = random.NextDouble() < truth;
                hallucinations += (isTrue ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity) ? 1 : 0;
            }

            var (rate, _) = CorrectedRate.For(hallucinations, perDay, calibration);
            corrected += rate is { } r && r.Lower <= truth && truth <= r.Upper ? 1 : 0;
            var wilson = WilsonInterval.For(hallucinations, perDay);
            judgedCovered += wilson.Lower <= truth && truth <= wilson.Upper ? 1 : 0;
        }

        return ((double)corrected / days, (double)judgedCovered / days);
    }
}
