namespace QualityWatch.Evidence;

/// <summary>
/// The console's sample filters; null = no filter. <see cref="Hallucination"/> and <see cref="MaxAccuracy"/>
/// look at each sample's newest verdict. <see cref="Before"/> pages: samples that occurred strictly earlier.
/// </summary>
internal sealed record SampleFilter(
    string? Stream = null,
    string? PromptVersion = null,
    string? Model = null,
    string? Status = null,
    bool? Hallucination = null,
    int? MaxAccuracy = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null,
    int Limit = 50);
