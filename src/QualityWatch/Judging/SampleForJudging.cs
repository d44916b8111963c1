namespace QualityWatch.Judging;

/// <summary>
/// A leased sample, redacted text only, as the judge worker hands it to a provider. <see cref="JudgeTier"/>
/// is the tier its sampler asked for (boost samples: <c>Sampling:Boost:JudgeTier</c>); null = <c>Judge:ServiceTier</c>.
/// </summary>
public sealed record SampleForJudging(
    string InteractionId,
    string Stream,
    string Prompt,
    string Response,
    string? Context,
    int Attempts,
    long? FirstAttemptAt,
    string? LastError,
    string? PromptVersion = null,
    string? JudgeTier = null);
