using System.Text.Json.Serialization;

namespace QualityWatch.Judging;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class JudgingJsonContext : JsonSerializerContext;
