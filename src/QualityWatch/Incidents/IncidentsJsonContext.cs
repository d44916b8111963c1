using System.Text.Json.Serialization;

namespace QualityWatch.Incidents;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IncidentView))]
[JsonSerializable(typeof(IReadOnlyList<IncidentView>))]
[JsonSerializable(typeof(Silence))]
[JsonSerializable(typeof(IReadOnlyList<Silence>))]
[JsonSerializable(typeof(AcknowledgeRequest))]
[JsonSerializable(typeof(SilenceRequest))]
internal sealed partial class IncidentsJsonContext : JsonSerializerContext;
