namespace QualityWatch.Incidents;

/// <summary>The body of <c>POST /v1/silences</c>: what to silence, until when (or for how long), and why.</summary>
internal sealed record SilenceRequest(string? Stream, string? PromptVersion, string? Model, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, TimeSpan? Duration, string? Reason);
