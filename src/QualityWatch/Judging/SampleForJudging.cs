namespace QualityWatch.Judging;

/// <summary>A leased sample, redacted text only, as the judge worker hands it to a provider.</summary>
public sealed record SampleForJudging(
    string InteractionId,
    string Stream,
    string Prompt,
    string Response,
    string? Context,
    int Attempts,
    long? FirstAttemptAt,
    string? LastError,
    string? PromptVersion = null);
