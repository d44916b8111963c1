using System.Text.Json.Serialization;

namespace QualityWatch.Judging.Gemini.Wire;

/// <summary>The Gemini v1beta wire: camelCase, as the reference requires; unset fields are omitted, as proto3 JSON does.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerateContentRequest))]
[JsonSerializable(typeof(GenerateContentResponse))]
[JsonSerializable(typeof(CreateCachedContentRequest))]
[JsonSerializable(typeof(CachedContentTtl))]
[JsonSerializable(typeof(CachedContentReply))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext;
