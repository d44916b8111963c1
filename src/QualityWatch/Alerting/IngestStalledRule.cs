namespace QualityWatch.Alerting;

/// <summary>
/// <c>ingest_stalled</c>: a stream received no interaction for StalledAfter. Unsampled traffic is known
/// only per hour (volume_hourly), so silence is measured from the end of the latest counted hour.
/// </summary>
internal sealed class IngestStalledRule(OperationalQueries queries) : IAlertRule
{
    public string Kind => AlertRuleKinds.IngestStalled;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observations = new List<RuleObservation>();
        foreach (var row in await queries.LastSeenAsync(now, cancellationToken))
        {
            if (!RuleStreams.Watches(rule, row.Stream))
            {
                continue;
            }

            var lastSeen = DateTimeOffset.FromUnixTimeMilliseconds(row.LastSeenAt);
            var silence = now - lastSeen;
            var active = silence > rule.StalledAfter;
            var summary = $"no interactions for {Durations.Format(silence)} {(active ? ">" : "<=")} {Durations.Format(rule.StalledAfter)} (last seen {lastSeen:u})";
            observations.Add(new RuleObservation(row.Stream, "", active, silence.TotalSeconds, summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = row.Stream,
                Value = silence.TotalSeconds,
                Threshold = rule.StalledAfter.TotalSeconds,
                WindowEnd = lastSeen,
                Detail = "value and threshold in seconds of silence; window_end is the last time traffic was seen",
            }));
        }

        return observations;
    }
}
