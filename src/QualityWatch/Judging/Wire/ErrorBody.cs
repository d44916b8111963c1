using System.Text.Json;

namespace QualityWatch.Judging.Wire;

/// <remarks>
/// Code: Gemini's HTTP status number, or OpenAI's error code string (<c>insufficient_quota</c>).
/// Status: Gemini's canonical status (<c>RESOURCE_EXHAUSTED</c>); OpenAI sends none.
/// Details: Gemini's typed details (QuotaFailure, RetryInfo, Help).
/// </remarks>
internal sealed record ErrorBody(JsonElement? Code, string? Message, string? Status, IReadOnlyList<ErrorDetail>? Details);
