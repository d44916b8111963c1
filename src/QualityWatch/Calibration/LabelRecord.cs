namespace QualityWatch.Calibration;

/// <summary>One reviewer's current label as calibration reads it (SQLite integers are <see cref="long"/>, times Unix ms).</summary>
internal sealed class LabelRecord
{
    public string InteractionId { get; init; } = "";
    public long Hallucination { get; init; }
    public long JudgedHallucination { get; init; }
    public string JudgeModel { get; init; } = "";
    public string RubricVersion { get; init; } = "";
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
}
