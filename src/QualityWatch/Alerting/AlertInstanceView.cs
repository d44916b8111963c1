namespace QualityWatch.Alerting;

/// <summary>One alert instance as <c>GET /v1/alerts</c> shows it.</summary>
internal sealed record AlertInstanceView(
    string Rule,
    string Stream,
    string PromptVersion,
    string State,
    DateTimeOffset Since,
    DateTimeOffset? FiredAt,
    DateTimeOffset LastEvaluatedAt,
    double? Value,
    string? Summary,
    DateTimeOffset? LastNotifiedAt,
    string? LastNotificationKind,
    string? LastNotificationReason);
