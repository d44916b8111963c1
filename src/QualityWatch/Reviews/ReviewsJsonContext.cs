using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LabelView))]
[JsonSerializable(typeof(IReadOnlyList<LabelView>))]
[JsonSerializable(typeof(QueueView))]
internal sealed partial class ReviewsJsonContext : JsonSerializerContext;
