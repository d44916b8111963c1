using System.Text.Json.Serialization;

namespace QualityWatch.Api;

/// <summary>The error body every endpoint writes, serialized without reflection.</summary>
[JsonSerializable(typeof(ApiError))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
