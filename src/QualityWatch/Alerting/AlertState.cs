namespace QualityWatch.Alerting;

/// <summary>The states of an alert instance, as stored in <c>alert_instances.state</c>.</summary>
internal static class AlertState
{
    public const string Inactive = "inactive";
    public const string Pending = "pending";
    public const string Firing = "firing";
    public const string Resolved = "resolved";
}
