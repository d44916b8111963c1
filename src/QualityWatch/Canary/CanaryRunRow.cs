namespace QualityWatch.Canary;

/// <summary>One row of <c>canary_runs</c>: a day's run of one judge model and rubric over one item set.</summary>
internal sealed record CanaryRunRow
{
    public long Day { get; init; }
    public string JudgeModel { get; init; } = "";
    public string RubricVersion { get; init; } = "";
    public string ItemSet { get; init; } = "";
    public long Tp { get; init; }
    public long Fp { get; init; }
    public long Tn { get; init; }
    public long Fn { get; init; }
    public long Unanswered { get; init; }
    public long BaselineRuns { get; init; }
    public long BaselineTp { get; init; }
    public long BaselineFp { get; init; }
    public long BaselineTn { get; init; }
    public long BaselineFn { get; init; }
    public double? SensitivityZ { get; init; }
    public double? SpecificityZ { get; init; }
    public long? PreviousDay { get; init; }
    public long SensitivityLost { get; init; }
    public long SensitivityGained { get; init; }
    public long SpecificityLost { get; init; }
    public long SpecificityGained { get; init; }
    public double? SensitivityPairedZ { get; init; }
    public double? SpecificityPairedZ { get; init; }
    public double? AlarmZ { get; init; }
    public long Drift { get; init; }
    public double CostUsd { get; init; }
    public long FinishedAt { get; init; }

    public long Items => Tp + Fp + Tn + Fn;

    public long Agreed => Tp + Tn;

    public long BaselineItems => BaselineTp + BaselineFp + BaselineTn + BaselineFn;
}
