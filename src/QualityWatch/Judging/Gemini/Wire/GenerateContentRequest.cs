namespace QualityWatch.Judging.Gemini.Wire;

/// <summary>
/// A <c>generateContent</c> body, also one line of a batch. <see cref="SystemInstruction"/> and
/// <see cref="CachedContent"/> are never both set: the API refuses the pair.
/// </summary>
/// <remarks>
/// ServiceTier: Null in a batch, where the batch itself is the tier.
/// </remarks>
internal sealed record GenerateContentRequest(
    IReadOnlyList<Content> Contents,
    Content? SystemInstruction,
    string? CachedContent,
    GenerationConfig GenerationConfig,
    string? ServiceTier);
