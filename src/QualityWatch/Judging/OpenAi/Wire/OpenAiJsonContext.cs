using System.Text.Json.Serialization;

namespace QualityWatch.Judging.OpenAi.Wire;

/// <summary>The OpenAI-compatible wire: snake_case field names; the JSON Schema inside keeps its own names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatCompletion))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;
