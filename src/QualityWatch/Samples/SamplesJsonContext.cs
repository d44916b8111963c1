using System.Text.Json.Serialization;

namespace QualityWatch.Samples;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SampleView))]
[JsonSerializable(typeof(IReadOnlyList<SampleView>))]
internal sealed partial class SamplesJsonContext : JsonSerializerContext;
