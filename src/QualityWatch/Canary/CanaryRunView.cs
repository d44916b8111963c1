using System.Globalization;
using System.Text.Json.Serialization;

namespace QualityWatch.Canary;

/// <summary>One day's canary run of a judge model and rubric over one item set, as <c>GET /v1/canary</c> shows it.</summary>
internal sealed class CanaryRunView
{
    [JsonPropertyName("day")] public string Day { get; init; } = "";
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
    [JsonPropertyName("item_set")] public string ItemSet { get; init; } = "";
    [JsonPropertyName("items")] public long Items { get; init; }
    [JsonPropertyName("unanswered")] public long Unanswered { get; init; }
    [JsonPropertyName("confusion")] public Dictionary<string, long> Confusion { get; init; } = [];
    [JsonPropertyName("agreement")] public CanaryRateView? Agreement { get; init; }
    [JsonPropertyName("sensitivity")] public CanaryRateView? Sensitivity { get; init; }
    [JsonPropertyName("specificity")] public CanaryRateView? Specificity { get; init; }
    [JsonPropertyName("baseline_runs")] public long BaselineRuns { get; init; }
    [JsonPropertyName("baseline_sensitivity")] public CanaryRateView? BaselineSensitivity { get; init; }
    [JsonPropertyName("baseline_specificity")] public CanaryRateView? BaselineSpecificity { get; init; }
    [JsonPropertyName("sensitivity_drop_z")] public double? SensitivityDropZ { get; init; }
    [JsonPropertyName("specificity_drop_z")] public double? SpecificityDropZ { get; init; }
    [JsonPropertyName("paired_with_day")] public string? PairedWithDay { get; init; }
    [JsonPropertyName("paired")] public Dictionary<string, long> Paired { get; init; } = [];
    [JsonPropertyName("sensitivity_paired_drop_z")] public double? SensitivityPairedDropZ { get; init; }
    [JsonPropertyName("specificity_paired_drop_z")] public double? SpecificityPairedDropZ { get; init; }
    [JsonPropertyName("alarm_z")] public double? AlarmZ { get; init; }
    [JsonPropertyName("drift")] public bool Drift { get; init; }
    [JsonPropertyName("cost_usd")] public double CostUsd { get; init; }
    [JsonPropertyName("finished_at")] public DateTimeOffset FinishedAt { get; init; }

    public static CanaryRunView Of(CanaryRunRow run) => new()
    {
        Day = DateTimeOffset.FromUnixTimeMilliseconds(run.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        JudgeModel = run.JudgeModel,
        RubricVersion = run.RubricVersion,
        ItemSet = run.ItemSet,
        Items = run.Items,
        Unanswered = run.Unanswered,
        Confusion = new() { ["tp"] = run.Tp, ["fp"] = run.Fp, ["tn"] = run.Tn, ["fn"] = run.Fn },
        Agreement = CanaryRateView.Of(run.Agreed, run.Items),
        Sensitivity = CanaryRateView.Of(run.Tp, run.Tp + run.Fn),
        Specificity = CanaryRateView.Of(run.Tn, run.Tn + run.Fp),
        BaselineRuns = run.BaselineRuns,
        BaselineSensitivity = CanaryRateView.Of(run.BaselineTp, run.BaselineTp + run.BaselineFn),
        BaselineSpecificity = CanaryRateView.Of(run.BaselineTn, run.BaselineTn + run.BaselineFp),
        SensitivityDropZ = Finite(run.SensitivityZ),
        SpecificityDropZ = Finite(run.SpecificityZ),
        PairedWithDay = run.PreviousDay is { } previous ? DateTimeOffset.FromUnixTimeMilliseconds(previous).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Paired = new()
        {
            ["sensitivity_lost"] = run.SensitivityLost,
            ["sensitivity_gained"] = run.SensitivityGained,
            ["specificity_lost"] = run.SpecificityLost,
            ["specificity_gained"] = run.SpecificityGained,
        },
        SensitivityPairedDropZ = Finite(run.SensitivityPairedZ),
        SpecificityPairedDropZ = Finite(run.SpecificityPairedZ),
        AlarmZ = run.AlarmZ,
        Drift = run.Drift == 1,
        CostUsd = run.CostUsd,
        FinishedAt = DateTimeOffset.FromUnixTimeMilliseconds(run.FinishedAt),
    };

    private static double? Finite(double? z) => z is { } value && double.IsFinite(value) ? Math.Round(value, 4) : null;
}
