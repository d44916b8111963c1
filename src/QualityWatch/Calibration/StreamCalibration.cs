using QualityWatch.Statistics;

namespace QualityWatch.Calibration;

/// <summary>
/// One calibration: the labels compared against one judge model and rubric version on one stream, and the
/// judged population they were drawn from. <see cref="Calibration"/> says whether a corrected rate can be given.
/// </summary>
internal sealed record StreamCalibration(
    string Stream,
    string JudgeModel,
    string RubricVersion,
    JudgeCalibration Calibration,
    DateTimeOffset? Since,
    DateTimeOffset FirstJudgedAt,
    DateTimeOffset LastJudgedAt)
{
    public JudgeLabelCounts Labels => Calibration.Labels;

    public long Judged => Calibration.Judged;

    public long JudgedPositive => Calibration.JudgedPositive;
}
