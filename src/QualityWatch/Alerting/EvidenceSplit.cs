namespace QualityWatch.Alerting;

/// <summary>One prompt_version × model cell of a window.</summary>
internal sealed record EvidenceSplit(string PromptVersion, string Model, long Samples, long Hallucinations, double HallucinationRate, double MeanAccuracy, double MeanTone);
