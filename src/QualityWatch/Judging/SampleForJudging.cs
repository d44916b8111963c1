namespace QualityWatch.Judging;

/// <summary>
/// A leased sample, redacted text only, as the judge worker hands it to a provider. <see cref="LastFailure"/>
/// is how its previous attempt failed (<c>failure_kind</c>), null when it had none. <see cref="JudgeTier"/>
/// is the tier its sampler asked for (boost samples: <c>Sampling:Boost:JudgeTier</c>); null = <c>Judge:ServiceTier</c>.
/// </summary>
internal sealed record SampleForJudging(
    string InteractionId,
    string Stream,
    string Prompt,
    string Response,
    string? Context,
    int Attempts,
    long? FirstAttemptAt,
    JudgeFailureKind? LastFailure,
    string? PromptVersion = null,
    string? JudgeTier = null);
