using QualityWatch.Sampling;

namespace QualityWatch.Ingestion;

/// <summary>A validated interaction, still holding raw text: it lives only in memory until redacted.</summary>
public sealed record Interaction(
    string Id,
    DateTimeOffset Timestamp,
    string Prompt,
    string Response,
    string? Context,
    string? Model,
    string? PromptVersion,
    string? ConversationId,
    IReadOnlyDictionary<string, string> Labels,
    InteractionUsage? Usage)
{
    /// <summary>The stream the router put it in.</summary>
    public required StreamDefinition Stream { get; init; }
}
