using QualityWatch.Sampling;

namespace QualityWatch.Ingestion;

/// <summary>
/// A validated interaction, still holding raw text: it lives only in memory until redacted. Its identifier
/// fields (<see cref="Id"/>, <see cref="Model"/>, <see cref="PromptVersion"/>, <see cref="ConversationId"/>,
/// label names) are already redacted (see <see cref="Redaction.IdentifierRedactor"/>); label values are not.
/// </summary>
internal sealed record Interaction(
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

    /// <summary>
    /// False for an OTLP inference span that arrived without its prompt and response: counted as volume, never
    /// sampled, since there is nothing to judge.
    /// </summary>
    public bool ContentCaptured { get; init; } = true;

    /// <summary>
    /// The id as sent. Only hash sampling reads it, so that replicas agree on a sample whatever their
    /// identifier keys; it is never stored or logged.
    /// </summary>
    public required string SentId { get; init; }
}
