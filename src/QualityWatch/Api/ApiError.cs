using System.Text.Json.Serialization;

namespace QualityWatch.Api;

/// <summary>The JSON body of every 4xx/5xx answer: a stable code and a message for people.</summary>
internal sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message);
