namespace QualityWatch.Calibration;

/// <summary>Combined labels by the judge's answer and the reviewers': tp judged yes and labelled yes, fn judged no and labelled yes.</summary>
internal sealed record ConfusionView(long Tp, long Fp, long Tn, long Fn);
