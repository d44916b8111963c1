using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Notifications;
using QualityWatch.WebConsole;

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
    ILogger<AlertEvaluator> logger,
    ConsoleLinks? links = null)
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
        foreach (var observation in observations)
        {
            var instance = instances.GetValueOrDefault((observation.Stream, observation.PromptVersion))
                ?? AlertInstance.New(rule.Name, observation.Stream, observation.PromptVersion, now);
            var step = AlertLifecycle.Step(rule, instance, observation, now);
            string? evidenceJson = null;
            if (step.NotificationKind is { } kind)
            {
                var notification = AlertNotificationBuilder.Build(rule, step.Instance, observation, kind, step.Reason!, links);
                evidenceJson = notification.EvidenceJson;
                await outbox.EnqueueAsync(notification, cancellationToken);
                Log.Notified(logger, kind, notification.Key, notification.Reason);
            }
            else if (step.Transition is not null)
            {
                evidenceJson = JsonSerializer.Serialize(observation.Evidence, AlertingJsonContext.Default.AlertEvidence);
            }

            if (step.Transition is { } transition)
            {
                Log.Transition(logger, rule.Name, observation.Stream, observation.PromptVersion, transition.From, transition.To, transition.Reason);
            }

            await store.SaveAsync(step.Instance, step.Transition, evidenceJson, cancellationToken);
        }
    }
}
