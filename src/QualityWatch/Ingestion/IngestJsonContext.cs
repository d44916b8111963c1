using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Default,
    // Log shippers add their own fields; an unknown field is not an error.
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(InteractionWire))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(RejectedInteractions))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, int>))]
[JsonSerializable(typeof(InteractionUsage))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
