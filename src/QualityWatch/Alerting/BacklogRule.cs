namespace QualityWatch.Alerting;

/// <summary>
/// <c>backlog</c>: the oldest routine sample still waiting for a judge call was received longer than MaxAge ago. Samples
/// in a call (a Flex answer takes minutes) and a deploy's boost samples (a planned burst with its own lane) do not count.
/// </summary>
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
            var excused = row.Excused > 0 ? $" ({row.Excused} in a judge call or boosted not counted)" : "";
            var summary = row.Waiting == 0
                ? $"no routine samples waiting for the judge{excused}"
                : $"oldest of {row.Waiting} waiting samples is {Durations.Format(age)} old {(active ? ">" : "<=")} {Durations.Format(rule.MaxAge)}{excused}";
            observations.Add(new RuleObservation(row.Stream, "", active, age.TotalSeconds, summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = row.Stream,
                Value = age.TotalSeconds,
                Threshold = rule.MaxAge.TotalSeconds,
                Samples = row.Waiting,
                Detail = "value and threshold in seconds: age of the oldest routine sample waiting for a judge call (leased and boost samples not counted)",
            }));
        }

        return observations;
    }
}
