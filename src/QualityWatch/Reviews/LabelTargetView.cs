using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>How far the labels are from the count that gives the corrected rate an interval of the wanted width.</summary>
internal sealed class LabelTargetView
{
    /// <summary>Labels so far, every reviewer.</summary>
    [JsonPropertyName("labels")] public long Labels { get; init; }

    /// <summary>Labels needed in all for <see cref="Goal"/>: the sum of the strata's wants.</summary>
    [JsonPropertyName("target")] public long Target { get; init; }

    /// <summary>The share of labels the draw aims at for judged-yes samples (optimal, or <c>Reviews:JudgedPositiveShare</c>).</summary>
    [JsonPropertyName("judged_yes_share")] public double JudgedYesShare { get; init; }

    [JsonPropertyName("per_stratum")] public IReadOnlyDictionary<string, StratumTargetView> PerStratum { get; init; } = new Dictionary<string, StratumTargetView>();

    /// <summary>The full width of the corrected rate's 95% interval with the labels so far; null while no corrected rate can be given.</summary>
    [JsonPropertyName("interval_width_now")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? IntervalWidthNow { get; init; }

    /// <summary><c>Reviews:TargetIntervalWidth</c>.</summary>
    [JsonPropertyName("goal")] public double Goal { get; init; }

    /// <summary>What the strata's truth rates were taken from: <c>labels</c>, or <c>planning judge</c> (Se 0.85, Sp 0.96) before each stratum has its floor.</summary>
    [JsonPropertyName("basis")] public string Basis { get; init; } = "";

    /// <summary>Why no corrected rate can be given yet; null when it can.</summary>
    [JsonPropertyName("not_identifiable")] public string? NotIdentifiable { get; init; }
}
