namespace QualityWatch.Statistics;

/// <summary>
/// Reviewed samples by the judge's answer and the reviewer's label: <c>TruePositives</c> judged yes and labelled
/// yes, <c>FalsePositives</c> judged yes and labelled no, <c>TrueNegatives</c> judged no and labelled no,
/// <c>FalseNegatives</c> judged no and labelled yes.
/// </summary>
internal readonly record struct JudgeLabelCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Labels among samples the judge called a hallucination (the judged-yes stratum).</summary>
    public long JudgedPositive => TruePositives + FalsePositives;

    /// <summary>Labels among samples the judge called clean (the judged-no stratum).</summary>
    public long JudgedNegative => TrueNegatives + FalseNegatives;
}
