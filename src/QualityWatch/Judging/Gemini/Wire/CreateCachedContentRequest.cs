namespace QualityWatch.Judging.Gemini.Wire;

/// <remarks>
/// Model: <c>models/{model}</c>.
/// Ttl: A proto Duration: whole seconds with an <c>s</c>.
/// </remarks>
internal sealed record CreateCachedContentRequest(string Model, string DisplayName, Content SystemInstruction, string Ttl);
