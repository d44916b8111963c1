using System.Text.Json.Serialization;

namespace QualityWatch.Alerting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertEvidence))]
[JsonSerializable(typeof(EvidenceCalibration))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<AlertInstanceView>))]
[JsonSerializable(typeof(IReadOnlyList<AlertTransitionView>))]
internal sealed partial class AlertingJsonContext : JsonSerializerContext;
