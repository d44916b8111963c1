namespace QualityWatch.Reviews;

/// <summary>Review labels and the review queue's draw. Section <c>Reviews</c>.</summary>
internal sealed class ReviewsOptions
{
    public const string SectionName = "Reviews";

    /// <summary>
    /// A fixed share of labels the queue draws from samples the judge called hallucinated, strictly between 0 and 1.
    /// Null (default): the share that narrows the corrected rate's interval most for the labels spent (Neyman's
    /// allocation, docs/statistics.md "How many labels"), with <see cref="MinLabelsPerStratum"/> in each stratum first.
    /// </summary>
    public double? JudgedPositiveShare { get; set; }

    /// <summary>
    /// The wanted full width of the corrected rate's 95% interval (0–1) from the calibration's labels; the queue says how
    /// many labels that takes and how many are still missing per stratum. Default 0.02 (± 1 percentage point).
    /// </summary>
    public double TargetIntervalWidth { get; set; } = 0.02;

    /// <summary>Labels each judged stratum gets before the rest follow the optimal share. Default 20 (a calibration needs 10 each).</summary>
    public int MinLabelsPerStratum { get; set; } = 20;

    /// <summary>Longest reviewer note, in characters. Default 2,000.</summary>
    public int MaxNoteLength { get; set; } = 2_000;
}
