using System.Text.Json.Serialization;
using QualityWatch.Judging.Wire;

namespace QualityWatch.Judging;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(ErrorReply))]
internal sealed partial class JudgingJsonContext : JsonSerializerContext;
