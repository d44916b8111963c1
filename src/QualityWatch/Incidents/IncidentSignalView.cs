namespace QualityWatch.Incidents;

/// <summary>One signal (alert instance) of an incident: the rule, its version, whether it still fires, and its current summary.</summary>
internal sealed record IncidentSignalView(string Rule, string PromptVersion, string State, DateTimeOffset JoinedAt, DateTimeOffset? ResolvedAt, string? Summary, double? Value);
