using System.Text.Json.Serialization;

namespace QualityWatch.Simulator.OpenAi.Wire;

// Nulls are written (refusal, logprobs, param, code), as OpenAI does.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(OpenAiErrorBody))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext
{
    // Lazy: the generated Default is initialized by a static field in another part of this class.
    public static OpenAiJsonContext Wire => field ??= new(QualityWatch.Simulator.Wire.WireJson.Relaxed(Default!.Options));
}
