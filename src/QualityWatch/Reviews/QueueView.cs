using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary><c>GET /v1/reviews/queue</c>: the next samples for this reviewer, and where the labels stand against the target split.</summary>
internal sealed class QueueView
{
    [JsonPropertyName("reviewer")] public string Reviewer { get; init; } = "";
    [JsonPropertyName("stream")] public string? Stream { get; init; }

    /// <summary>The share of labels meant to come from judged-yes samples: optimal, or <c>Reviews:JudgedPositiveShare</c>.</summary>
    [JsonPropertyName("judged_yes_share")] public double JudgedYesShare { get; init; }

    /// <summary>Labels so far (every reviewer) by the judge's answer.</summary>
    [JsonPropertyName("labelled")] public StratumCounts Labelled { get; init; } = new(0, 0);

    /// <summary>The labels against the count the wanted interval width of the corrected rate takes.</summary>
    [JsonPropertyName("label_target")] public LabelTargetView LabelTarget { get; init; } = new();

    [JsonPropertyName("samples")] public IReadOnlyList<QueueItemView> Samples { get; init; } = [];
}
