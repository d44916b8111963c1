namespace QualityWatch.Alerting;

/// <summary>The outcome of one evaluation for one instance: its new state, any transition, and whether to notify.</summary>
internal sealed record LifecycleStep(AlertInstance Instance, AlertTransition? Transition, string? NotificationKind, string? Reason);
