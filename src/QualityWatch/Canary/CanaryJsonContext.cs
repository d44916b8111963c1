using System.Text.Json.Serialization;

namespace QualityWatch.Canary;

[JsonSerializable(typeof(ReferenceItem))]
[JsonSerializable(typeof(CanaryView))]
internal sealed partial class CanaryJsonContext : JsonSerializerContext;
