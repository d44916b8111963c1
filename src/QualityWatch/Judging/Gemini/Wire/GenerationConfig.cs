using QualityWatch.Judging.Wire;

namespace QualityWatch.Judging.Gemini.Wire;

internal sealed record GenerationConfig(double Temperature, string ResponseMimeType, JsonSchema ResponseJsonSchema);
