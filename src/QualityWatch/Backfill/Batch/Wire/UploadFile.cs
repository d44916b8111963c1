using System.Text.Json.Serialization;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The file to upload, as the Files API samples spell it (snake_case; proto3 JSON reads either).</summary>
internal sealed record UploadFile([property: JsonPropertyName("display_name")] string DisplayName);
