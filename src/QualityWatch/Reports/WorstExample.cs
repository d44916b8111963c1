namespace QualityWatch.Reports;

/// <summary>A hallucinated sample shown in the report: its redacted prompt, context and response, and the judge's unsupported claims.</summary>
internal sealed record WorstExample(
    string InteractionId, string PromptVersion, int Accuracy, string Response, IReadOnlyList<string> UnsupportedClaims, string Reason,
    string Prompt = "", string? Context = null);
