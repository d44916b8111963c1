namespace QualityWatch.Alerting;

/// <summary>Evaluates one kind of rule: what it observes, per stream (× prompt_version), right now.</summary>
internal interface IAlertRule
{
    string Kind { get; }

    Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken);
}
