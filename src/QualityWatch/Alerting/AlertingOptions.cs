namespace QualityWatch.Alerting;

/// <summary>Alert rules and how often they are evaluated. Section <c>Alerting</c>.</summary>
internal sealed class AlertingOptions
{
    public const string SectionName = "Alerting";

    /// <summary>How often every rule is evaluated. Default 1 minute (Prometheus' evaluation_interval).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The rules; none by default.</summary>
    public List<AlertRuleOptions> Rules { get; set; } = [];
}
