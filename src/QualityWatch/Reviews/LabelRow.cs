namespace QualityWatch.Reviews;

/// <summary>A <c>review_labels</c> row as Dapper reads it (SQLite integers are <see cref="long"/>, times Unix ms).</summary>
internal sealed class LabelRow
{
    public string InteractionId { get; init; } = "";
    public string Reviewer { get; init; } = "";
    public string Stream { get; init; } = "";
    public long Hallucination { get; init; }
    public long? Accuracy { get; init; }
    public long? Tone { get; init; }
    public string? Note { get; init; }
    public long JudgedHallucination { get; init; }
    public string JudgeModel { get; init; } = "";
    public string RubricVersion { get; init; } = "";
    public long Version { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }

    public ReviewInput ToInput() => new(InteractionId, Hallucination == 1, (int?)Accuracy, (int?)Tone, Note);

    public LabelView ToView() => new()
    {
        InteractionId = InteractionId,
        Stream = Stream,
        Reviewer = Reviewer,
        Hallucination = Hallucination == 1,
        Accuracy = (int?)Accuracy,
        Tone = (int?)Tone,
        Note = Note,
        Judge = new JudgeAnswerView { Hallucination = JudgedHallucination == 1, JudgeModel = JudgeModel, RubricVersion = RubricVersion },
        Version = Version,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
    };
}
