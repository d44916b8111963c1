using System.Text.Json.Serialization;

namespace QualityWatch.Simulator.Gemini.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerateContentResponse))]
[JsonSerializable(typeof(CachedContentResource))]
[JsonSerializable(typeof(ListCachedContentsResponse))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext
{
    // Lazy: the generated Default is initialized by a static field in another part of this class.
    public static GeminiJsonContext Wire => field ??= new(QualityWatch.Simulator.Wire.WireJson.Relaxed(Default!.Options));
}
