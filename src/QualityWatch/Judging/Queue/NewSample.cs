using QualityWatch.Storage;

namespace QualityWatch.Judging.Queue;

/// <summary>A sampled interaction, already redacted, as it enters the judge queue.</summary>
internal sealed record NewSample(
    string InteractionId,
    string Stream,
    long OccurredAt,
    long ReceivedAt,
    string Prompt,
    string Response,
    string? Context,
    string? Model,
    string? PromptVersion,
    string? ConversationId,
    string Labels,
    string? Usage,
    string Redactions,
    string SampleReason,
    string? JudgeTier = null,
    string Origin = SampleOrigins.Live);
