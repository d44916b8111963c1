namespace QualityWatch.Judging.Gemini.Wire;

/// <remarks>
/// Role: <c>user</c> or <c>model</c>; omitted in a systemInstruction.
/// </remarks>
internal sealed record Content(IReadOnlyList<Part>? Parts, string? Role = null);
