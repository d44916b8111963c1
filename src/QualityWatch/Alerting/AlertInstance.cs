namespace QualityWatch.Alerting;

/// <summary>One alert instance (rule × stream × prompt_version) and its notification log entry.</summary>
internal sealed record AlertInstance(
    string Rule,
    string Stream,
    string PromptVersion,
    string State,
    DateTimeOffset StateSince,
    DateTimeOffset? ActiveSince,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset LastEvaluatedAt,
    double? LastValue,
    string? Summary,
    DateTimeOffset? LastNotifiedAt,
    string? LastNotificationKind,
    string? LastNotificationReason)
{
    /// <summary>The evidence of the latest evaluation as JSON, refreshed every evaluation.</summary>
    public string? Evidence { get; init; }

    /// <summary>While firing: since when the condition has been at or below its resolve level; resolves once that lasts ResolveAfter.</summary>
    public DateTimeOffset? ClearSince { get; init; }

    public static AlertInstance New(string rule, string stream, string promptVersion, DateTimeOffset now) =>
        new(rule, stream, promptVersion, AlertState.Inactive, now, null, null, null, now, null, null, null, null, null);
}
