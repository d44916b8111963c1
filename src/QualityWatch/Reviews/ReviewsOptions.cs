namespace QualityWatch.Reviews;

/// <summary>Review labels and the review queue's draw. Section <c>Reviews</c>.</summary>
internal sealed class ReviewsOptions
{
    public const string SectionName = "Reviews";

    /// <summary>
    /// The share of labels the queue draws from samples the judge called hallucinated; the rest come from
    /// samples it called clean. 0.5 (default) = half and half, so both the judge's sensitivity and its
    /// specificity get labels even when hallucinations are rare. Strictly between 0 and 1.
    /// </summary>
    public double JudgedPositiveShare { get; set; } = 0.5;

    /// <summary>Longest reviewer note, in characters. Default 2,000.</summary>
    public int MaxNoteLength { get; set; } = 2_000;
}
