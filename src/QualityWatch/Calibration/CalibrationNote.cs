using System.Globalization;

namespace QualityWatch.Calibration;

/// <summary>Says so when the current calibration is young because the judge model or rubric changed.</summary>
internal static class CalibrationNote
{
    public static string? For(StreamCalibrations calibrations)
    {
        if (calibrations.Current is not { } current || calibrations.Earlier.Count == 0)
        {
            return null;
        }

        var before = calibrations.Earlier[0];
        var what = (current.JudgeModel != before.JudgeModel, current.RubricVersion != before.RubricVersion) switch
        {
            (true, true) => $"new judge model {current.JudgeModel} and rubric {current.RubricVersion}",
            (true, false) => $"new judge model {current.JudgeModel}",
            _ => $"new rubric {current.RubricVersion}",
        };
        var since = current.FirstJudgedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
        return $"{what} since {since}; {current.Labels.Total} labels so far (earlier calibrations are kept below)";
    }
}
