using System.Text.Json.Serialization;

namespace QualityWatch.Trends;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TrendsResponse))]
[JsonSerializable(typeof(VersionsResponse))]
internal sealed partial class TrendsJsonContext : JsonSerializerContext;
