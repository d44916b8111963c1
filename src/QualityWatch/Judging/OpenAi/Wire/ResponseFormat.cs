namespace QualityWatch.Judging.OpenAi.Wire;

/// <remarks>
/// Type: Always <c>json_schema</c>: structured output with a strict schema.
/// </remarks>
internal sealed record ResponseFormat(string Type, JsonSchemaFormat JsonSchema);
