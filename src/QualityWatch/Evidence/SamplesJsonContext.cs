using System.Text.Json.Serialization;

namespace QualityWatch.Evidence;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SampleView))]
[JsonSerializable(typeof(IReadOnlyList<SampleView>))]
internal sealed partial class SamplesJsonContext : JsonSerializerContext;
