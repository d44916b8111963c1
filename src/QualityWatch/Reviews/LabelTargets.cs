using QualityWatch.Statistics;

namespace QualityWatch.Reviews;

/// <summary>
/// The queue's label target: the optimal split of labels between the judged strata and how many the wanted
/// interval width takes (<see cref="LabelPlan"/>), against the labels so far.
/// </summary>
internal static class LabelTargets
{
    public static LabelTargetView For(JudgeLabelCounts labels, long judgedPositive, long judged, ReviewsOptions options)
    {
        var floor = options.MinLabelsPerStratum;
        var judgedShare = judged > 0 ? (double)judgedPositive / judged : 0;
        var fromLabels = labels.JudgedPositive >= floor && labels.JudgedNegative >= floor;
        var weights = LabelPlan.WeightsFor(labels, judgedShare, floor);
        var yesShare = options.JudgedPositiveShare ?? LabelPlan.YesShare(weights);
        var needed = options.JudgedPositiveShare is { } fixedShare
            ? LabelPlan.LabelsForWidthAtShare(weights, options.TargetIntervalWidth, fixedShare)
            : LabelPlan.LabelsForWidth(weights, options.TargetIntervalWidth);
        var wantYes = Math.Max(floor, (long)Math.Ceiling(needed * yesShare));
        var wantNo = Math.Max(floor, (long)Math.Ceiling(needed * (1 - yesShare)));

        double? width = null;
        string? reason = "no judged samples yet";
        if (judged > 0)
        {
            (var rate, reason) = CorrectedRate.For(judgedPositive, judged, JudgeCalibration.From(labels, judgedPositive, judged));
            width = rate is { } r ? r.Upper - r.Lower : null;
        }

        return new LabelTargetView
        {
            Labels = labels.Total,
            Target = wantYes + wantNo,
            JudgedYesShare = yesShare,
            PerStratum = new Dictionary<string, StratumTargetView>(StringComparer.Ordinal)
            {
                ["judged_yes"] = new(labels.JudgedPositive, wantYes),
                ["judged_no"] = new(labels.JudgedNegative, wantNo),
            },
            IntervalWidthNow = width,
            Goal = options.TargetIntervalWidth,
            Basis = fromLabels ? "labels" : "planning judge",
            NotIdentifiable = reason,
        };
    }
}
