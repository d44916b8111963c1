using QualityWatch.Notifications;

namespace QualityWatch.Alerting;

/// <summary>
/// Prometheus-style state machine for one instance: inactive → pending (held for <c>For</c>) → firing →
/// resolved, with Alertmanager-style dedup against the persisted last-notified time. Pure: no I/O.
/// </summary>
public static class AlertLifecycle
{
    public static LifecycleStep Step(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now)
    {
        if (observation.Active is null)
        {
            // Too little data: keep the last state, neither fire nor resolve.
            return new LifecycleStep(instance with { LastEvaluatedAt = now }, null, null, null);
        }

        var current = instance with { LastEvaluatedAt = now, LastValue = observation.Value, Summary = observation.Summary };
        return observation.Active.Value ? Active(rule, current, observation, now) : Inactive(rule, current, observation, now);
    }

    private static LifecycleStep Active(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now)
    {
        switch (instance.State)
        {
            case AlertState.Inactive or AlertState.Resolved:
                var pending = instance with { State = AlertState.Pending, StateSince = now, ActiveSince = now, ResolvedAt = null };
                if (rule.For <= TimeSpan.Zero)
                {
                    return Fire(pending, instance.State, observation, now, heldFor: null);
                }

                return new LifecycleStep(pending, new AlertTransition(instance.State, AlertState.Pending, now, $"pending: {observation.Summary}", null), null, null);

            case AlertState.Pending:
                var since = instance.ActiveSince ?? now;
                return now - since >= rule.For
                    ? Fire(instance, AlertState.Pending, observation, now, now - since)
                    : new LifecycleStep(instance, null, null, null);

            default:
                if (instance.LastNotifiedAt is { } last && now - last < rule.RepeatInterval)
                {
                    return new LifecycleStep(instance, null, null, null);
                }

                var firingFor = Durations.Format(now - (instance.FiredAt ?? now));
                var reason = $"repeat: still firing after {firingFor}: {observation.Summary}";
                return new LifecycleStep(Notified(instance, NotificationKinds.Repeat, reason, now), null, NotificationKinds.Repeat, reason);
        }
    }

    private static LifecycleStep Inactive(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now)
    {
        switch (instance.State)
        {
            case AlertState.Pending:
                var cleared = instance with { State = AlertState.Inactive, StateSince = now, ActiveSince = null };
                return new LifecycleStep(cleared, new AlertTransition(AlertState.Pending, AlertState.Inactive, now, $"cleared before {Durations.Format(rule.For)}: {observation.Summary}", null), null, null);

            case AlertState.Firing:
                var reason = $"resolved: {observation.Summary}";
                var resolved = instance with { State = AlertState.Resolved, StateSince = now, ActiveSince = null, ResolvedAt = now };
                if (!rule.NotifyOnResolve)
                {
                    return new LifecycleStep(resolved, new AlertTransition(AlertState.Firing, AlertState.Resolved, now, reason, null), null, null);
                }

                return new LifecycleStep(
                    Notified(resolved, NotificationKinds.Resolved, reason, now),
                    new AlertTransition(AlertState.Firing, AlertState.Resolved, now, reason, NotificationKinds.Resolved),
                    NotificationKinds.Resolved,
                    reason);

            default:
                return new LifecycleStep(instance, null, null, null);
        }
    }

    private static LifecycleStep Fire(AlertInstance instance, string from, RuleObservation observation, DateTimeOffset now, TimeSpan? heldFor)
    {
        var reason = heldFor is { } held ? $"firing: {observation.Summary} for {Durations.Format(held)}" : $"firing: {observation.Summary}";
        var firing = instance with { State = AlertState.Firing, StateSince = now, FiredAt = now };
        return new LifecycleStep(
            Notified(firing, NotificationKinds.Firing, reason, now),
            new AlertTransition(from, AlertState.Firing, now, reason, NotificationKinds.Firing),
            NotificationKinds.Firing,
            reason);
    }

    private static AlertInstance Notified(AlertInstance instance, string kind, string reason, DateTimeOffset now) =>
        instance with { LastNotifiedAt = now, LastNotificationKind = kind, LastNotificationReason = reason };
}
