using System.Text.Json.Serialization;

namespace QualityWatch.Health;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthReportView))]
[JsonSerializable(typeof(StatusView))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
