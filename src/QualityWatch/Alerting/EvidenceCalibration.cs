using QualityWatch.Calibration;

namespace QualityWatch.Alerting;

/// <summary>The calibration a corrected rule used: whose verdicts, how many labels, and the judge's error rates with 95% intervals.</summary>
internal sealed record EvidenceCalibration
{
    public required string JudgeModel { get; init; }
    public required string RubricVersion { get; init; }
    public required long Labels { get; init; }
    public required double Sensitivity { get; init; }
    public required double SensitivityLower { get; init; }
    public required double SensitivityUpper { get; init; }
    public required double Specificity { get; init; }
    public required double SpecificityLower { get; init; }
    public required double SpecificityUpper { get; init; }

    public static EvidenceCalibration Of(StreamCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var judge = calibration.Calibration;
        return new EvidenceCalibration
        {
            JudgeModel = calibration.JudgeModel,
            RubricVersion = calibration.RubricVersion,
            Labels = calibration.Labels.Total,
            Sensitivity = judge.Sensitivity.Value,
            SensitivityLower = judge.Sensitivity.Lower,
            SensitivityUpper = judge.Sensitivity.Upper,
            Specificity = judge.Specificity.Value,
            SpecificityLower = judge.Specificity.Lower,
            SpecificityUpper = judge.Specificity.Upper,
        };
    }

    public override string ToString() =>
        $"judge {JudgeModel}, rubric {RubricVersion}, {Labels} labels, sensitivity {Durations.Number(Sensitivity)} [{Durations.Number(SensitivityLower)}, {Durations.Number(SensitivityUpper)}], " +
        $"specificity {Durations.Number(Specificity)} [{Durations.Number(SpecificityLower)}, {Durations.Number(SpecificityUpper)}]";
}
