using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>An eval-tool line: what went in, what came out, and what a grader should expect of it.</summary>
internal sealed record EvalRecord(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("context")] string? Context,
    [property: JsonPropertyName("expected")] EvalExpected? Expected,
    [property: JsonPropertyName("metadata")] EvalMetadata Metadata);
