using System.Text.Json.Serialization;

namespace QualityWatch.Judging.Gemini.Wire;

/// <summary>
/// Token usage; <see cref="PromptTokenCount"/> includes the cached tokens. Proto3 JSON omits zero counts
/// and may carry int64 as strings (int32 counts come as numbers): both are read.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
internal sealed record UsageMetadata(long? PromptTokenCount, long? CachedContentTokenCount, long? CandidatesTokenCount, long? ThoughtsTokenCount);
