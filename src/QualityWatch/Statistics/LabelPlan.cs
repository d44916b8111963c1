namespace QualityWatch.Statistics;

/// <summary>
/// How many review labels a corrected rate needs, and how to split them between the judged strata. The corrected
/// rate of the labels' own population is π = q·PPV + (1 − q)·FOR (q the judged-yes share, PPV and FOR the truth
/// rates inside the judged-yes and judged-no strata), so with n1 and n0 labels its variance from the labels is
/// q²·PPV(1 − PPV)/n1 + (1 − q)²·FOR(1 − FOR)/n0: stratified sampling, minimised for a fixed total by Neyman's
/// allocation n_h ∝ W_h·σ_h. Derivation and the table of labels needed: docs/statistics.md, "How many labels".
/// </summary>
internal static class LabelPlan
{
    /// <summary>The judge assumed before a stratum has labels enough to estimate from (issue 18's example judge).</summary>
    public const double PlanningSensitivity = 0.85;

    public const double PlanningSpecificity = 0.96;

    /// <summary>
    /// The stratum weights W_h·σ_h of the judged-yes and judged-no strata: √(variance × labels) each stratum adds
    /// to the corrected rate. <paramref name="judgedShare"/> is q; <paramref name="ppv"/> and <paramref name="falseOmission"/>
    /// are clamped away from 0 and 1 so that a stratum whose labels all agree still gets some.
    /// </summary>
    public static (double Yes, double No) Weights(double judgedShare, double ppv, double falseOmission)
    {
        var q = Math.Clamp(judgedShare, 0, 1);
        var p = Math.Clamp(ppv, 0.001, 0.999);
        var f = Math.Clamp(falseOmission, 0.001, 0.999);
        return (q * Math.Sqrt(p * (1 - p)), (1 - q) * Math.Sqrt(f * (1 - f)));
    }

    /// <summary>Neyman's share of labels for the judged-yes stratum; one half when neither stratum weighs anything.</summary>
    public static double YesShare((double Yes, double No) weights) =>
        weights.Yes + weights.No > 0 ? weights.Yes / (weights.Yes + weights.No) : 0.5;

    /// <summary>
    /// Labels needed in all for a 95% interval of full width <paramref name="width"/> on the corrected rate, from the
    /// labels alone, under Neyman's allocation: n = (2z·(W1σ1 + W0σ0) / width)².
    /// </summary>
    public static double LabelsForWidth((double Yes, double No) weights, double width, double z = WilsonInterval.Z95) =>
        Math.Pow(2 * z * (weights.Yes + weights.No) / width, 2);

    /// <summary>The same, with a fixed share <paramref name="yesShare"/> of the labels in the judged-yes stratum.</summary>
    public static double LabelsForWidthAtShare((double Yes, double No) weights, double width, double yesShare, double z = WilsonInterval.Z95) =>
        Math.Pow(2 * z / width, 2) * ((weights.Yes * weights.Yes / yesShare) + (weights.No * weights.No / (1 - yesShare)));

    /// <summary>
    /// Truth rates of the strata a judge with sensitivity <paramref name="sensitivity"/> and specificity
    /// <paramref name="specificity"/> gives on a population with true rate <paramref name="trueRate"/>: its judged-yes
    /// share q = π·Se + (1 − π)(1 − Sp), PPV = π·Se / q, FOR = π(1 − Se) / (1 − q).
    /// </summary>
    public static (double JudgedShare, double Ppv, double FalseOmission) Strata(double trueRate, double sensitivity, double specificity)
    {
        var q = (trueRate * sensitivity) + ((1 - trueRate) * (1 - specificity));
        return (q, q > 0 ? trueRate * sensitivity / q : 0, q < 1 ? trueRate * (1 - sensitivity) / (1 - q) : 0);
    }

    /// <summary>
    /// The weights for the queue: from the labels (Jeffreys-smoothed truth rates) once both strata have
    /// <paramref name="floor"/> labels, before that from the planning judge on the observed judged-yes share.
    /// </summary>
    public static (double Yes, double No) WeightsFor(JudgeLabelCounts labels, double judgedShare, int floor)
    {
        if (labels.JudgedPositive >= floor && labels.JudgedNegative >= floor)
        {
            return Weights(
                judgedShare,
                (labels.TruePositives + 0.5) / (labels.JudgedPositive + 1),
                (labels.FalseNegatives + 0.5) / (labels.JudgedNegative + 1));
        }

        // A judged share at or below the planning judge's false-positive rate would give a true rate of 0; plan for 0.5%.
        var planned = Math.Max(0.005, CorrectedRate.RoganGladen(judgedShare, PlanningSensitivity, PlanningSpecificity));
        var (_, ppv, falseOmission) = Strata(planned, PlanningSensitivity, PlanningSpecificity);
        return Weights(judgedShare, ppv, falseOmission);
    }
}
