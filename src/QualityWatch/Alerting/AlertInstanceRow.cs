namespace QualityWatch.Alerting;

/// <summary>An <c>alert_instances</c> row as SQLite returns it (times as Unix ms); converted in <see cref="AlertStore"/> only.</summary>
internal sealed class AlertInstanceRow
{
    public string Rule { get; set; } = "";
    public string Stream { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string State { get; set; } = "";
    public long StateSince { get; set; }
    public long? ActiveSince { get; set; }
    public long? FiredAt { get; set; }
    public long? ResolvedAt { get; set; }
    public long LastEvaluatedAt { get; set; }
    public double? LastValue { get; set; }
    public string? Summary { get; set; }
    public long? LastNotifiedAt { get; set; }
    public string? LastNotificationKind { get; set; }
    public string? LastNotificationReason { get; set; }
    public string? Evidence { get; set; }
    public long? ClearSince { get; set; }

    public AlertInstance ToInstance() => new(
        Rule, Stream, PromptVersion, State, At(StateSince), At(ActiveSince), At(FiredAt), At(ResolvedAt), At(LastEvaluatedAt),
        LastValue, Summary, At(LastNotifiedAt), LastNotificationKind, LastNotificationReason)
    {
        Evidence = Evidence,
        ClearSince = At(ClearSince),
    };

    public static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
