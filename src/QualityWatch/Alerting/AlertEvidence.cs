namespace QualityWatch.Alerting;

/// <summary>Why an alert is in its state, as carried in <c>Notification.EvidenceJson</c>. Fields a rule kind does not use are null.</summary>
internal sealed record AlertEvidence
{
    public required string Rule { get; init; }
    public required string Kind { get; init; }
    public required string Stream { get; init; }
    public string? PromptVersion { get; init; }
    public double? Value { get; init; }
    public double? Threshold { get; init; }
    public DateTimeOffset? WindowStart { get; init; }
    public DateTimeOffset? WindowEnd { get; init; }
    public long? Samples { get; init; }
    public long? Hits { get; init; }
    public double? Rate { get; init; }
    public double? WilsonLower { get; init; }
    public double? WilsonUpper { get; init; }
    public double? BaselineRate { get; init; }
    public string? BaselineSource { get; init; }
    public double? TargetRate { get; init; }
    public double? Statistic { get; init; }
    public double? AlarmLevel { get; init; }
    /// <summary>The rate the rule compared: <c>judged</c> or <c>corrected</c> (rate rules only).</summary>
    public string? RateBasis { get; init; }

    /// <summary>The calibration behind a corrected rate; null for the judged rate.</summary>
    public EvidenceCalibration? Calibration { get; init; }

    /// <summary>The corrected rate and its 95% interval (hallucination_rate on the corrected rate).</summary>
    public double? CorrectedRate { get; init; }
    public double? CorrectedLower { get; init; }
    public double? CorrectedUpper { get; init; }
    public string? Detail { get; init; }
    public IReadOnlyList<EvidenceSplit> Split { get; init; } = [];
    public IReadOnlyList<EvidenceExample> Examples { get; init; } = [];
}
