using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>
/// What a dataset is: the filters that chose it, what it holds, the rubric a Gemini batch file carries
/// and the judge models its verdicts came from. Written beside the CLI's output as <c>&lt;output&gt;.manifest.json</c>,
/// and served by <c>GET /v1/datasets/export/manifest</c>.
/// </summary>
internal sealed record ExportManifest(
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("qualitywatch_version")] string QualityWatchVersion,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("filters")] ExportFilter Filters,
    [property: JsonPropertyName("counts")] ExportCounts Counts,
    [property: JsonPropertyName("rubric_version")] string RubricVersion,
    [property: JsonPropertyName("rubric_sha256")] string RubricSha256,
    [property: JsonPropertyName("judge_models")] IReadOnlyList<string> JudgeModels,
    [property: JsonPropertyName("reviews_available")] bool ReviewsAvailable,
    [property: JsonPropertyName("text")] string Text = "redacted");
