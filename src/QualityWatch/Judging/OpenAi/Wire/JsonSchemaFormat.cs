using QualityWatch.Judging.Wire;

namespace QualityWatch.Judging.OpenAi.Wire;

internal sealed record JsonSchemaFormat(string Name, bool Strict, JsonSchema Schema);
