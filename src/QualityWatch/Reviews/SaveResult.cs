namespace QualityWatch.Reviews;

/// <summary>The outcome of a post, the label as it now stands, and the sample's status when it is not judged.</summary>
internal sealed record SaveResult(SaveOutcome Outcome, LabelView? Label = null, string? SampleStatus = null);
