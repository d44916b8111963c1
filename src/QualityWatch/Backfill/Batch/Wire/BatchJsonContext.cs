using System.Text.Json.Serialization;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The Gemini Batch API wire: camelCase, unset fields omitted, as the generateContent wire it nests.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateBatchRequest))]
[JsonSerializable(typeof(IReadOnlyList<InlinedRequest>))]
[JsonSerializable(typeof(BatchFileLine))]
[JsonSerializable(typeof(UploadStartRequest))]
[JsonSerializable(typeof(UploadReply))]
[JsonSerializable(typeof(BatchOperation))]
[JsonSerializable(typeof(ListBatchesResponse))]
[JsonSerializable(typeof(BatchResult))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
