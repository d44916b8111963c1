using QualityWatch.Notifications;

namespace QualityWatch.Alerting;

/// <summary>
/// Prometheus-style state machine for one instance: inactive → pending (held for <c>For</c>) → firing →
/// resolved, with Alertmanager-style dedup against the persisted last-notified time. A firing instance resolves
/// only once its condition has been clear (at or below the resolve level) for <c>ResolveAfter</c>, and not while
/// the flap guard holds it. Pure: no I/O.
/// </summary>
internal static class AlertLifecycle
{
    /// <summary>One evaluation; <paramref name="recentTransitions"/> counts the instance's transitions to firing or resolved within the rule's FlapWindow.</summary>
    public static LifecycleStep Step(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now, int recentTransitions = 0)
    {
        // The summary and value are refreshed even with too little data, so a firing alert never shows stale numbers.
        var current = instance with { LastEvaluatedAt = now, LastValue = observation.Value, Summary = observation.Summary };
        if (observation.Active is null)
        {
            // Too little data: keep the last state, neither fire nor resolve.
            return new LifecycleStep(current, null, null, null);
        }

        if (observation.Active.Value)
        {
            return Active(rule, current with { ClearSince = null }, observation, now);
        }

        return current.State == AlertState.Firing
            ? Clearing(rule, current, observation, now, recentTransitions)
            : Inactive(rule, current, observation, now);
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
                return Repeat(rule, instance, observation.Summary, now);
        }
    }

    /// <summary>Firing, and the condition no longer holds: resolve only once it has been clear for ResolveAfter and is not flapping.</summary>
    private static LifecycleStep Clearing(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now, int recentTransitions)
    {
        if (!observation.Clear)
        {
            var band = instance with { ClearSince = null, Summary = $"{observation.Summary}; held firing: above the resolve level" };
            return Repeat(rule, band, band.Summary!, now);
        }

        var clearSince = instance.ClearSince ?? now;
        var clearFor = now - clearSince;
        var clear = observation.ResolveSummary ?? observation.Summary;
        if (clearFor < rule.ResolveAfter)
        {
            var waiting = instance with { ClearSince = clearSince, Summary = $"{clear}; resolves after {Durations.Format(rule.ResolveAfter)} clear ({Durations.Format(clearFor)} so far)" };
            return Repeat(rule, waiting, waiting.Summary!, now);
        }

        if (recentTransitions > rule.MaxFlaps)
        {
            var held = instance with { ClearSince = clearSince, Summary = $"{clear}; held firing by the flap guard: {recentTransitions} transitions in {Durations.Format(rule.FlapWindow)} (MaxFlaps {rule.MaxFlaps})" };
            return Repeat(rule, held, held.Summary!, now);
        }

        var reason = clearFor > TimeSpan.Zero ? $"resolved: {clear} for {Durations.Format(clearFor)}" : $"resolved: {clear}";
        var resolved = instance with { State = AlertState.Resolved, StateSince = now, ActiveSince = null, ResolvedAt = now, ClearSince = null };
        if (!rule.NotifyOnResolve)
        {
            return new LifecycleStep(resolved, new AlertTransition(AlertState.Firing, AlertState.Resolved, now, reason, null), null, null);
        }

        return new LifecycleStep(
            Notified(resolved, NotificationKinds.Resolved, reason, now),
            new AlertTransition(AlertState.Firing, AlertState.Resolved, now, reason, NotificationKinds.Resolved),
            NotificationKinds.Resolved,
            reason);
    }

    private static LifecycleStep Inactive(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, DateTimeOffset now)
    {
        if (instance.State != AlertState.Pending)
        {
            return new LifecycleStep(instance, null, null, null);
        }

        var cleared = instance with { State = AlertState.Inactive, StateSince = now, ActiveSince = null };
        return new LifecycleStep(cleared, new AlertTransition(AlertState.Pending, AlertState.Inactive, now, $"cleared before {Durations.Format(rule.For)}: {observation.Summary}", null), null, null);
    }

    private static LifecycleStep Repeat(AlertRuleOptions rule, AlertInstance instance, string summary, DateTimeOffset now)
    {
        // Measured from the later of the last notification and the firing: with no channel there is no last notification.
        var last = Later(instance.LastNotifiedAt, instance.FiredAt) ?? now;
        if (now - last < rule.RepeatInterval)
        {
            return new LifecycleStep(instance, null, null, null);
        }

        var firingFor = Durations.Format(now - (instance.FiredAt ?? now));
        var reason = $"repeat: still firing after {firingFor}: {summary}";
        return new LifecycleStep(Notified(instance, NotificationKinds.Repeat, reason, now), null, NotificationKinds.Repeat, reason);
    }

    private static LifecycleStep Fire(AlertInstance instance, string from, RuleObservation observation, DateTimeOffset now, TimeSpan? heldFor)
    {
        var reason = heldFor is { } held ? $"firing: {observation.Summary} for {Durations.Format(held)}" : $"firing: {observation.Summary}";
        var firing = instance with { State = AlertState.Firing, StateSince = now, FiredAt = now, ClearSince = null };
        return new LifecycleStep(
            Notified(firing, NotificationKinds.Firing, reason, now),
            new AlertTransition(from, AlertState.Firing, now, reason, NotificationKinds.Firing),
            NotificationKinds.Firing,
            reason);
    }

    private static AlertInstance Notified(AlertInstance instance, string kind, string reason, DateTimeOffset now) =>
        instance with { LastNotifiedAt = now, LastNotificationKind = kind, LastNotificationReason = reason };

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a > b ? a : b ?? a;
}
