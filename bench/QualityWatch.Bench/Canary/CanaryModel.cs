using QualityWatch.Canary;

namespace QualityWatch.Bench.Canary;

/// <summary>
/// Canary runs on a virtual clock, one a day, through the service's own <see cref="CanaryDrift"/>: a judge answering a
/// reference set of <c>positives</c> hallucinated and <c>negatives</c> clean items. A <em>fixed</em> judge answers an
/// item the same way every day unless its rates change (temperature 0, as the simulator: one uniform per item, compared
/// with the rate), a <em>noisy</em> one draws every answer anew each day (the unchanged judge's worst case).
/// </summary>
internal sealed class CanaryModel(int positives, int negatives, int baselineRuns, double falseAlarmRate, int seed)
{
    private readonly Random random = new(seed);
    private readonly List<CanaryRunRow> runs = [];
    private double[] itemDraws = [];
    private bool[]? previous;

    /// <summary>A new judge model behind the name: its items' draws are new.</summary>
    public void NewModel() => itemDraws = [.. Enumerable.Range(0, positives + negatives).Select(_ => random.NextDouble())];

    /// <summary>One day's run; true when it drifted.</summary>
    public bool Run(double sensitivity, double specificity, bool noisy)
    {
        if (itemDraws.Length == 0)
        {
            NewModel();
        }

        var answers = new bool[positives + negatives];
        long tp = 0, fp = 0, tn = 0, fn = 0;
        long seLost = 0, seGained = 0, spLost = 0, spGained = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            var u = noisy ? random.NextDouble() : itemDraws[i];
            var hallucinated = i < positives;
            var judged = hallucinated ? u < sensitivity : u >= specificity;
            answers[i] = judged;
            var right = judged == hallucinated;
            (tp, fn, tn, fp) = hallucinated
                ? (judged ? (tp + 1, fn, tn, fp) : (tp, fn + 1, tn, fp))
                : (judged ? (tp, fn, tn, fp + 1) : (tp, fn, tn + 1, fp));
            if (previous is not null && previous[i] != judged)
            {
                var wasRight = previous[i] == hallucinated;
                if (hallucinated)
                {
                    (seLost, seGained) = wasRight && !right ? (seLost + 1, seGained) : (seLost, seGained + 1);
                }
                else
                {
                    (spLost, spGained) = wasRight && !right ? (spLost + 1, spGained) : (spLost, spGained + 1);
                }
            }
        }

        var window = runs.TakeLast(baselineRuns).ToList();
        var run = new CanaryRunRow
        {
            Tp = tp, Fp = fp, Tn = tn, Fn = fn,
            BaselineRuns = window.Count,
            BaselineTp = window.Sum(r => r.Tp), BaselineFp = window.Sum(r => r.Fp), BaselineTn = window.Sum(r => r.Tn), BaselineFn = window.Sum(r => r.Fn),
            SensitivityLost = seLost, SensitivityGained = seGained, SpecificityLost = spLost, SpecificityGained = spGained,
        };
        run = CanaryDrift.Test(run, falseAlarmRate);
        runs.Add(run);
        previous = answers;
        return run.Drift == 1;
    }
}
