namespace QualityWatch.Alerting;

/// <summary>An <c>alert_history</c> row as SQLite returns it.</summary>
internal sealed class AlertTransitionRow
{
    public long Id { get; set; }
    public string Rule { get; set; } = "";
    public string Stream { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string FromState { get; set; } = "";
    public string ToState { get; set; } = "";
    public long At { get; set; }
    public string Reason { get; set; } = "";
    public string? Notified { get; set; }

    public AlertTransitionView ToView() =>
        new(Id, Rule, Stream, PromptVersion, FromState, ToState, DateTimeOffset.FromUnixTimeMilliseconds(At), Reason, Notified);
}
