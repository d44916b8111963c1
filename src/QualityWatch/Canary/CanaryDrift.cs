using QualityWatch.Statistics;

namespace QualityWatch.Canary;

/// <summary>
/// Whether a run's judge answers the reference set worse than it did before: a one-sided two-proportion z test of its
/// sensitivity and of its specificity against the pooled earlier runs, each at half the per-run false alarm rate
/// (Bonferroni), so an unchanged judge raises the flag on at most <c>Canary:FalseAlarmRate</c> of runs.
/// </summary>
internal static class CanaryDrift
{
    public static CanaryRunRow Test(CanaryRunRow run, double falseAlarmRate)
    {
        if (run.BaselineRuns == 0)
        {
            return run with { SensitivityZ = null, SpecificityZ = null, AlarmZ = null, Drift = 0 };
        }

        var alarm = AlarmZ(falseAlarmRate);
        var sensitivity = ProportionDrop.Z(run.BaselineTp, run.BaselineTp + run.BaselineFn, run.Tp, run.Tp + run.Fn);
        var specificity = ProportionDrop.Z(run.BaselineTn, run.BaselineTn + run.BaselineFp, run.Tn, run.Tn + run.Fp);
        var drift = sensitivity >= alarm || specificity >= alarm;
        return run with { SensitivityZ = sensitivity, SpecificityZ = specificity, AlarmZ = alarm, Drift = drift ? 1 : 0 };
    }

    public static double AlarmZ(double falseAlarmRate) => ProportionDrop.NormalQuantile(1 - (falseAlarmRate / 2));
}
