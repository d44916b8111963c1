namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>Where a finished job's results are: inline, or in a file to download.</summary>
internal sealed record BatchOutput(InlinedResponses? InlinedResponses, string? ResponsesFile);
