using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Notifications;

namespace QualityWatch.Alerting;

/// <summary>
/// One evaluation round: every rule observes, each instance steps through its lifecycle, and a notification
/// is handed to the outbox only when the persisted notification log says one is due (Alertmanager's
/// evaluate → dedup → notify). The outbox is called before the state is saved: a crash in between
/// re-sends once rather than losing a page.
/// </summary>
public sealed class AlertEvaluator(
    IOptionsMonitor<AlertingOptions> options,
    IEnumerable<IAlertRule> kinds,
    AlertStore store,
    INotificationOutbox outbox,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    private readonly Dictionary<string, IAlertRule> byKind = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in options.CurrentValue.Rules)
        {
            try
            {
                await EvaluateRuleAsync(rule, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken rule must not silence the others.
                Log.RuleFailed(logger, rule.Name, exception);
            }
        }
    }

    private async Task EvaluateRuleAsync(AlertRuleOptions rule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var observations = await byKind[rule.Kind].ObserveAsync(rule, now, cancellationToken);
        var instances = await store.LoadAsync(rule.Name, cancellationToken);
        var transitions = await store.TransitionsAsync(rule.Name, now - rule.FlapWindow, cancellationToken);
        foreach (var observation in observations)
        {
            var key = (observation.Stream, observation.PromptVersion);
            var instance = instances.GetValueOrDefault(key) ?? AlertInstance.New(rule.Name, observation.Stream, observation.PromptVersion, now);
            var step = AlertLifecycle.Step(rule, instance, observation, now, transitions.GetValueOrDefault(key));
            var evidenceJson = JsonSerializer.Serialize(observation.Evidence, AlertingJsonContext.Default.AlertEvidence);
            var next = step.Instance with { Evidence = evidenceJson };
            if (step.NotificationKind is { } kind)
            {
                var notification = AlertNotificationBuilder.Build(rule, next, observation, kind, step.Reason!);
                var channels = await outbox.EnqueueAsync(notification, cancellationToken);
                Log.Notified(logger, kind, notification.Key, notification.Reason);
                if (channels == 0)
                {
                    // Nobody took it: the notification log must not claim a page went out.
                    next = next with { LastNotifiedAt = instance.LastNotifiedAt, LastNotificationKind = instance.LastNotificationKind, LastNotificationReason = instance.LastNotificationReason };
                }
            }

            if (step.Transition is { } transition)
            {
                Log.Transition(logger, rule.Name, observation.Stream, observation.PromptVersion, transition.From, transition.To, transition.Reason);
            }

            await store.SaveAsync(next, step.Transition, evidenceJson, cancellationToken);
        }
    }
}
