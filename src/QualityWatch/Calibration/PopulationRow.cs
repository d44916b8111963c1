namespace QualityWatch.Calibration;

/// <summary>A <c>calibration_population</c> row: the verdicts of one stream x judge model x rubric version.</summary>
internal sealed record PopulationRow(string Stream, string JudgeModel, string RubricVersion, long Judged, long JudgedPositive, long FirstJudgedAt, long LastJudgedAt);
