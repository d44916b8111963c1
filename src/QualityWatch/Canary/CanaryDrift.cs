using QualityWatch.Statistics;

namespace QualityWatch.Canary;

/// <summary>
/// Whether a run's judge answers the reference set worse than it did before. Four one-sided tests, each at a quarter of
/// <c>Canary:FalseAlarmRate</c> (Bonferroni), so an unchanged judge raises the flag on at most that share of runs:
/// sensitivity and specificity, each (a) unpaired against the pooled earlier runs (two-proportion z), which sees a
/// judge whose every answer is drawn anew, and (b) paired item by item with the previous run (McNemar), which sees a
/// judge that now gets wrong the items it got right, with far fewer items. docs/statistics.md, "Judge-drift canary".
/// </summary>
internal static class CanaryDrift
{
    public const int Tests = 4;

    public static CanaryRunRow Test(CanaryRunRow run, double falseAlarmRate)
    {
        if (run.BaselineRuns == 0)
        {
            return run with { SensitivityZ = null, SpecificityZ = null, SensitivityPairedZ = null, SpecificityPairedZ = null, AlarmZ = null, Drift = 0 };
        }

        var alarm = AlarmZ(falseAlarmRate);
        var sensitivity = ProportionDrop.Z(run.BaselineTp, run.BaselineTp + run.BaselineFn, run.Tp, run.Tp + run.Fn);
        var specificity = ProportionDrop.Z(run.BaselineTn, run.BaselineTn + run.BaselineFp, run.Tn, run.Tn + run.Fp);
        var sensitivityPaired = ProportionDrop.McNemarZ(run.SensitivityLost, run.SensitivityGained);
        var specificityPaired = ProportionDrop.McNemarZ(run.SpecificityLost, run.SpecificityGained);
        var drift = sensitivity >= alarm || specificity >= alarm || sensitivityPaired >= alarm || specificityPaired >= alarm;
        return run with
        {
            SensitivityZ = sensitivity,
            SpecificityZ = specificity,
            SensitivityPairedZ = sensitivityPaired,
            SpecificityPairedZ = specificityPaired,
            AlarmZ = alarm,
            Drift = drift ? 1 : 0,
        };
    }

    public static double AlarmZ(double falseAlarmRate) => ProportionDrop.NormalQuantile(1 - (falseAlarmRate / Tests));
}
