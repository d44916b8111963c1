namespace QualityWatch.Statistics;

/// <summary>
/// The judge's sensitivity and specificity from review labels drawn per judged stratum (half judged-yes, half
/// judged-no), weighted back to the judged population by Bayes' rule, with Beta-posterior intervals and
/// Cohen's κ. Labels that are a simple random sample fit the same formulas.
/// Derivation: docs/statistics.md, "Judge calibration".
/// </summary>
internal sealed class JudgeCalibration
{
    /// <summary>Labels needed before a calibration is used: in all, and in each judged stratum.</summary>
    public const int MinimumLabels = 40;

    public const int MinimumPerStratum = 10;

    /// <summary>Posterior draws behind every interval; the 2.5% and 97.5% points of 4,000 draws move by well under 0.01.</summary>
    public const int Draws = 4000;

    private readonly (double Sensitivity, double Specificity)[] draws;

    private JudgeCalibration(JudgeLabelCounts labels, long judgedPositive, long judged, string? notIdentifiable, (double, double)[] draws)
    {
        Labels = labels;
        JudgedPositive = judgedPositive;
        Judged = judged;
        NotIdentifiable = notIdentifiable;
        this.draws = draws;
    }

    public JudgeLabelCounts Labels { get; }

    /// <summary>The population the labels were drawn from: verdicts, and those that said hallucination.</summary>
    public long JudgedPositive { get; }

    public long Judged { get; }

    /// <summary>Why no corrected rate can be given from this calibration; null when it can.</summary>
    public string? NotIdentifiable { get; private set; }

    public Estimate Sensitivity { get; private set; }

    public Estimate Specificity { get; private set; }

    /// <summary>Cohen's κ between judge and reviewers, on the population-weighted confusion table.</summary>
    public double Kappa { get; private set; }

    /// <summary>(sensitivity, specificity) pairs drawn from the posterior, for intervals of quantities built on them.</summary>
    public IReadOnlyList<(double Sensitivity, double Specificity)> Posterior => draws;

    /// <summary>
    /// Calibrates from <paramref name="labels"/> drawn out of <paramref name="judged"/> verdicts of which
    /// <paramref name="judgedPositive"/> said hallucination.
    /// </summary>
    public static JudgeCalibration From(JudgeLabelCounts labels, long judgedPositive, long judged)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(judgedPositive);
        ArgumentOutOfRangeException.ThrowIfLessThan(judged, judgedPositive);
        var reason = Unusable(labels, judgedPositive, judged);
        var random = new BetaDraws(Seed(labels, judgedPositive, judged));
        var pairs = new (double, double)[reason is null ? Draws : 0];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = Bayes(
                random.Jeffreys(labels.TruePositives, labels.JudgedPositive),
                random.Jeffreys(labels.FalseNegatives, labels.JudgedNegative),
                random.Jeffreys(judgedPositive, judged));
        }

        var calibration = new JudgeCalibration(labels, judgedPositive, judged, reason, pairs);
        if (reason is not null)
        {
            return calibration;
        }

        var share = (double)judgedPositive / judged;
        var ppv = (double)labels.TruePositives / labels.JudgedPositive;
        var falseOmission = (double)labels.FalseNegatives / labels.JudgedNegative;
        var (sensitivity, specificity) = Bayes(ppv, falseOmission, share);
        calibration.Sensitivity = new Estimate(sensitivity, Quantile(pairs.Select(p => p.Item1), 0.025), Quantile(pairs.Select(p => p.Item1), 0.975));
        calibration.Specificity = new Estimate(specificity, Quantile(pairs.Select(p => p.Item2), 0.025), Quantile(pairs.Select(p => p.Item2), 0.975));
        calibration.Kappa = CohensKappa(ppv, falseOmission, share);
        if (sensitivity + specificity <= 1)
        {
            calibration.NotIdentifiable = $"sensitivity + specificity is {sensitivity + specificity:0.00}, not above 1: the judge is no better than chance";
        }

        return calibration;
    }

    internal static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Sensitivity and specificity from the two strata's truth rates and the judged-yes share.</summary>
    private static (double Sensitivity, double Specificity) Bayes(double ppv, double falseOmission, double share)
    {
        var truePositive = share * ppv;
        var falseNegative = (1 - share) * falseOmission;
        var trueNegative = (1 - share) * (1 - falseOmission);
        var falsePositive = share * (1 - ppv);
        var sensitivity = truePositive + falseNegative > 0 ? truePositive / (truePositive + falseNegative) : 0;
        var specificity = trueNegative + falsePositive > 0 ? trueNegative / (trueNegative + falsePositive) : 0;
        return (sensitivity, specificity);
    }

    private static double CohensKappa(double ppv, double falseOmission, double share)
    {
        var a = share * ppv;
        var b = share * (1 - ppv);
        var c = (1 - share) * falseOmission;
        var d = (1 - share) * (1 - falseOmission);
        var observed = a + d;
        var chance = ((a + b) * (a + c)) + ((c + d) * (b + d));
        return chance >= 1 ? 1 : (observed - chance) / (1 - chance);
    }

    private static string? Unusable(JudgeLabelCounts labels, long judgedPositive, long judged)
    {
        if (labels.Total < MinimumLabels)
        {
            return $"too few labels: {labels.Total} of the {MinimumLabels} needed";
        }

        if (labels.JudgedPositive < MinimumPerStratum || labels.JudgedNegative < MinimumPerStratum)
        {
            return $"too few labels in a stratum: {labels.JudgedPositive} judged-yes and {labels.JudgedNegative} judged-no, {MinimumPerStratum} of each needed";
        }

        if (labels.TruePositives + labels.FalseNegatives == 0)
        {
            return "no reviewed sample was a hallucination yet, so sensitivity is unknown";
        }

        return judged == 0 || judgedPositive == 0 ? "no judged hallucination in the calibration's population" : null;
    }

    private static int Seed(JudgeLabelCounts labels, long judgedPositive, long judged) =>
        StableSeed.Of(labels.TruePositives, labels.FalsePositives, labels.TrueNegatives, labels.FalseNegatives, judgedPositive, judged);
}
