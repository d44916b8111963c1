namespace QualityWatch.Alerting;

/// <summary><c>backlog</c>: the oldest pending or leased sample was received longer than MaxAge ago.</summary>
internal sealed class BacklogRule(OperationalQueries queries) : IAlertRule
{
    public string Kind => AlertRuleKinds.Backlog;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observations = new List<RuleObservation>();
        foreach (var row in await queries.BacklogAsync(rule.Name, cancellationToken))
        {
            if (!RuleStreams.Watches(rule, row.Stream))
            {
                continue;
            }

            var age = row.OldestReceivedAt is { } oldest ? now - DateTimeOffset.FromUnixTimeMilliseconds(oldest) : TimeSpan.Zero;
            var active = age > rule.MaxAge;
            var summary = row.Waiting == 0
                ? "no samples waiting for the judge"
                : $"oldest of {row.Waiting} waiting samples is {Durations.Format(age)} old {(active ? ">" : "<=")} {Durations.Format(rule.MaxAge)}";
            observations.Add(new RuleObservation(row.Stream, "", active, age.TotalSeconds, summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = row.Stream,
                Value = age.TotalSeconds,
                Threshold = rule.MaxAge.TotalSeconds,
                Samples = row.Waiting,
                Detail = "value and threshold in seconds: age of the oldest pending or leased sample",
            }));
        }

        return observations;
    }
}
