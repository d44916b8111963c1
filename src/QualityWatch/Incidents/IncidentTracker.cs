using QualityWatch.Alerting;
using QualityWatch.Notifications;
using QualityWatch.WebConsole;

namespace QualityWatch.Incidents;

/// <summary>
/// Turns alert instances' steps into one notification thread per incident: the first signal about a stream and
/// subject opens an incident and pages; further signals, and signals that clear while others still fire, are updates;
/// the last one clearing resolves it once. Repeats come from the incident (not per signal) and stop once it is
/// acknowledged. A matching silence holds a page, which goes out when the silence ends while the incident is still open.
/// </summary>
internal sealed class IncidentTracker(
    IncidentStore incidents,
    SilenceStore silences,
    INotificationOutbox outbox,
    ILogger<IncidentTracker> logger,
    ConsoleLinks? links = null)
{
    /// <summary>Handles one step of one instance; returns how many channels took the notification it caused (0: none sent).</summary>
    public async Task<int> StepAsync(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, LifecycleStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(step);
        if (step.Transition is { To: AlertState.Firing })
        {
            return await FiringAsync(rule, instance, observation, step, now, cancellationToken);
        }

        if (step.Transition is { From: AlertState.Firing, To: AlertState.Resolved })
        {
            return await ResolvedAsync(rule, instance, observation, step, now, cancellationToken);
        }

        return step.NotificationKind == NotificationKinds.Repeat
            ? await RepeatAsync(rule, instance, observation, step, now, cancellationToken)
            : 0;
    }

    private async Task<int> FiringAsync(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, LifecycleStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signal = AlertNotificationBuilder.Build(rule, instance, observation, NotificationKinds.Firing, step.Reason!, links);
        var subject = IncidentSubject.For(rule, observation);
        var incident = await incidents.ForSignalAsync(rule.Name, instance.Stream, instance.PromptVersion, cancellationToken)
            ?? await incidents.MatchAsync(instance.Stream, subject, anySubject: subject.Kind == IncidentKinds.Quality && instance.PromptVersion.Length == 0, cancellationToken)
            ?? await OpenAsync(rule, instance, subject, signal, now, cancellationToken);
        await incidents.JoinAsync(incident.Id, rule.Name, instance.PromptVersion, instance.Summary, now, cancellationToken);
        return incident.Paged
            ? await SendAsync(incident, signal, NotificationKinds.Update, $"update: {rule.Name} also fires: {step.Reason}", now, cancellationToken)
            : await SendAsync(incident, signal, NotificationKinds.Firing, step.Reason!, now, cancellationToken);
    }

    private async Task<Incident> OpenAsync(AlertRuleOptions rule, AlertInstance instance, IncidentSubject subject, Notification signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = $"inc_{Guid.NewGuid():N}"[..16];
        var labels = new Dictionary<string, string>(signal.Labels, StringComparer.Ordinal)
        {
            [IncidentThread.Label] = id,
            ["incident_kind"] = subject.Kind,
            ["incident_subject"] = subject.Text,
        };
        if (subject.Dimension is "prompt_version" or "model")
        {
            labels.TryAdd(subject.Dimension, subject.Value);
        }

        var incident = new Incident(id, instance.Stream, subject, IncidentStates.Open, now, null, null, null, null, labels, false, false, null, null);
        await incidents.OpenAsync(incident, cancellationToken);
        Log.Opened(logger, id, subject.Kind, instance.Stream, subject.Text, rule.Name);
        return incident;
    }

    private async Task<int> ResolvedAsync(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, LifecycleStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await incidents.ForSignalAsync(rule.Name, instance.Stream, instance.PromptVersion, cancellationToken) is not { } incident)
        {
            return 0;
        }

        var signal = AlertNotificationBuilder.Build(rule, instance, observation, NotificationKinds.Resolved, step.Reason ?? step.Transition!.Reason, links);
        var firing = await incidents.LeaveAsync(incident.Id, rule.Name, instance.PromptVersion, instance.Summary, now, cancellationToken);
        if (firing > 0)
        {
            return incident.Paged
                ? await SendAsync(incident, signal, NotificationKinds.Update, $"update: {rule.Name} cleared, {firing} signal(s) still firing: {signal.Reason}", now, cancellationToken)
                : 0;
        }

        await incidents.ResolveAsync(incident.Id, now, cancellationToken);
        Log.Resolved(logger, incident.Id);
        return incident.Paged && step.NotificationKind == NotificationKinds.Resolved
            ? await SendAsync(incident, signal, NotificationKinds.Resolved, signal.Reason, now, cancellationToken)
            : 0;
    }

    private async Task<int> RepeatAsync(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, LifecycleStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await incidents.ForSignalAsync(rule.Name, instance.Stream, instance.PromptVersion, cancellationToken) is not { } incident
            || incident.State == IncidentStates.Acknowledged
            || now - (incident.LastSentAt ?? incident.OpenedAt) < rule.RepeatInterval)
        {
            // Not a signal of an incident, acknowledged, or the incident sent something within the interval (another
            // signal's repeat; or, with no channel, the instance's own repeat, which then falls due every evaluation).
            return 0;
        }

        var signal = AlertNotificationBuilder.Build(rule, instance, observation, NotificationKinds.Repeat, step.Reason!, links);
        return await SendAsync(incident, signal, incident.Paged ? NotificationKinds.Repeat : NotificationKinds.Firing, step.Reason!, now, cancellationToken);
    }

    /// <summary>Pages incidents whose silence ended while they are still open. Called after every evaluation round.</summary>
    public async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await SweepHeldAsync(now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Like a broken rule, a failed sweep must not stop the evaluation loop; the next round tries again.
            Log.SweepFailed(logger, exception);
        }
    }

    private async Task SweepHeldAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var incident in await incidents.HeldAsync(cancellationToken))
        {
            if (await silences.MatchingAsync(incident, now, cancellationToken) is not null)
            {
                continue;
            }

            var signals = await incidents.SignalsAsync(incident.Id, cancellationToken);
            var kind = incident.Paged ? NotificationKinds.Repeat : NotificationKinds.Firing;
            var reason = $"silence ended, incident still {incident.State}: {signals.Count(s => s.State == "firing")} signal(s) firing";
            await SendAsync(incident, IncidentNotification.FromIncident(incident, signals, kind, reason), kind, reason, now, cancellationToken);
        }
    }

    private async Task<int> SendAsync(Incident incident, Notification signal, string kind, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A resolve is never held: it is what ends the page (and Alertmanager's keep-alive).
        if (kind != NotificationKinds.Resolved && await silences.MatchingAsync(incident, now, cancellationToken) is { } silence)
        {
            await incidents.HoldAsync(incident.Id, true, cancellationToken);
            Log.Silenced(logger, incident.Id, kind, silence.Id);
            return 0;
        }

        var notification = IncidentNotification.Build(incident, signal, kind, reason, now);
        var channels = await outbox.EnqueueAsync(notification, cancellationToken);
        await incidents.NotifiedAsync(incident.Id, channels > 0, now, cancellationToken);
        Log.Notified(logger, incident.Id, kind, channels, reason);
        return channels;
    }
}
