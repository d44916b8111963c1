using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>
/// Which samples an export takes. Every field is optional; null means no filter. Verdict filters
/// (<see cref="Hallucination"/>, score ranges) apply to the sample's newest verdict, so a sample
/// without a verdict never matches them. <see cref="To"/> is exclusive, like every QualityWatch window.
/// </summary>
internal sealed record ExportFilter
{
    [JsonIgnore] public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    [JsonPropertyName("stream")] public string? Stream { get; init; }

    [JsonPropertyName("from")] public DateTimeOffset? From { get; init; }

    [JsonPropertyName("to")] public DateTimeOffset? To { get; init; }

    [JsonPropertyName("prompt_version")] public string? PromptVersion { get; init; }

    [JsonPropertyName("model")] public string? Model { get; init; }

    [JsonPropertyName("hallucination")] public bool? Hallucination { get; init; }

    [JsonPropertyName("accuracy_min")] public int? AccuracyMin { get; init; }

    [JsonPropertyName("accuracy_max")] public int? AccuracyMax { get; init; }

    [JsonPropertyName("tone_min")] public int? ToneMin { get; init; }

    [JsonPropertyName("tone_max")] public int? ToneMax { get; init; }

    [JsonPropertyName("reviewed")] public bool? Reviewed { get; init; }

    /// <summary>The label filters as given (<c>key=value</c>), for the manifest.</summary>
    [JsonPropertyName("labels")] public IReadOnlyList<string> LabelTexts => [.. Labels.Select(l => $"{l.Key}={l.Value}")];
}
