namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The job to create: its display name (how a crash during creation finds it again) and its input.</summary>
internal sealed record BatchSpec(string DisplayName, BatchInputConfig InputConfig);
