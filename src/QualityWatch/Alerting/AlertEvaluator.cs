using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Incidents;

namespace QualityWatch.Alerting;

/// <summary>
/// One evaluation round: every rule observes, each instance steps through its lifecycle, and its firing, resolve
/// or repeat goes to the <see cref="IncidentTracker"/>, which groups signals into incidents and hands the incident's
/// notification to the outbox only when one is due (Alertmanager's evaluate → dedup → notify). The outbox is called
/// before the instance's state is saved: a crash in between re-sends once rather than losing a page.
/// </summary>
internal sealed class AlertEvaluator(
    IOptionsMonitor<AlertingOptions> options,
    IEnumerable<IAlertRule> kinds,
    AlertStore store,
    IncidentTracker incidents,
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

        await incidents.SweepAsync(time.GetUtcNow(), cancellationToken);
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
            if (step.NotificationKind is not null || step.Transition is not null)
            {
                var channels = await incidents.StepAsync(rule, next, observation, step, now, cancellationToken);
                if (step.NotificationKind is not null && channels == 0)
                {
                    // Nobody took it (no channel, a silence, or the incident already told): the log must not claim a page went out.
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
