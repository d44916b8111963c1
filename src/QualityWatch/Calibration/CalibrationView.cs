using System.Text.Json.Serialization;
using QualityWatch.Statistics;

namespace QualityWatch.Calibration;

/// <summary>One calibration as <c>GET /v1/calibration</c> writes it; <c>earlier</c> and <c>note</c> only on the current one.</summary>
internal sealed record CalibrationView
{
    public required string Stream { get; init; }
    public string? JudgeModel { get; init; }
    public string? RubricVersion { get; init; }
    public long Labels { get; init; }
    public required ConfusionView Confusion { get; init; }
    public EstimateView? Sensitivity { get; init; }
    public EstimateView? Specificity { get; init; }
    public double? Kappa { get; init; }
    public DateTimeOffset? Since { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NotIdentifiable { get; init; }

    public PopulationView? Population { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CalibrationView>? Earlier { get; init; }

    /// <summary>A stream's answer: its current calibration, the earlier ones, and a note when a new judge model or rubric started afresh.</summary>
    public static CalibrationView From(StreamCalibrations calibrations)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        if (calibrations.Current is not { } current)
        {
            return new CalibrationView
            {
                Stream = calibrations.Stream,
                Confusion = new ConfusionView(0, 0, 0, 0),
                NotIdentifiable = "no verdicts for this stream yet",
                Earlier = [],
            };
        }

        return Of(current) with { Note = CalibrationNote.For(calibrations), Earlier = [.. calibrations.Earlier.Select(Of)] };
    }

    private static CalibrationView Of(StreamCalibration c)
    {
        var calibration = c.Calibration;
        var computed = calibration.Posterior.Count > 0;
        var (corrected, _) = CorrectedRate.For(c.JudgedPositive, c.Judged, calibration);
        var (powered, _) = PredictionPoweredRate.For(c.Labels, c.JudgedPositive, c.Judged);
        return new CalibrationView
        {
            Stream = c.Stream,
            JudgeModel = c.JudgeModel,
            RubricVersion = c.RubricVersion,
            Labels = c.Labels.Total,
            Confusion = new ConfusionView(c.Labels.TruePositives, c.Labels.FalsePositives, c.Labels.TrueNegatives, c.Labels.FalseNegatives),
            Sensitivity = computed ? EstimateView.From(calibration.Sensitivity) : null,
            Specificity = computed ? EstimateView.From(calibration.Specificity) : null,
            Kappa = computed ? Math.Round(calibration.Kappa, 6) : null,
            Since = c.Since,
            NotIdentifiable = calibration.NotIdentifiable,
            Population = new PopulationView(
                c.Judged,
                c.JudgedPositive,
                c.Judged == 0 ? null : Math.Round((double)c.JudgedPositive / c.Judged, 6),
                corrected is { } r ? EstimateView.From(r, CorrectedRate.Method) : null,
                powered is { } p ? EstimateView.From(p, PredictionPoweredRate.Method) : null,
                c.FirstJudgedAt,
                c.LastJudgedAt),
        };
    }
}
