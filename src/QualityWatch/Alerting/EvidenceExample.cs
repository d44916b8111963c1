namespace QualityWatch.Alerting;

/// <summary>An example sample behind an alert: redacted response text and what the judge found unsupported.</summary>
internal sealed record EvidenceExample(string InteractionId, string PromptVersion, string Model, int Accuracy, int Tone, bool Hallucination, string Response, IReadOnlyList<string> UnsupportedClaims);
