namespace QualityWatch.Evidence;

/// <summary>One line of the console's sample list: the sample and its newest verdict's scores, if judged.</summary>
internal sealed record SampleListItem(
    string InteractionId,
    string Stream,
    string Status,
    string SampleReason,
    string? PromptVersion,
    string? Model,
    DateTimeOffset OccurredAt,
    bool? Hallucination,
    int? Accuracy,
    int? Tone);
