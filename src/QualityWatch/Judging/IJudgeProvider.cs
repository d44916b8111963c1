namespace QualityWatch.Judging;

/// <summary>One judge API (Gemini REST, OpenAI-compatible): rubric + sample in, verdict or typed failure out.</summary>
internal interface IJudgeProvider
{
    string Name { get; }

    string Model { get; }

    /// <summary>Never throws for HTTP or reply problems: they come back as failures. Throws only on cancellation.</summary>
    Task<JudgeOutcome> JudgeAsync(SampleForJudging sample, string tier, CancellationToken cancellationToken);
}
