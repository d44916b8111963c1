namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>Exactly one is set: the requests inline, or the name (<c>files/…</c>) of an uploaded JSONL file.</summary>
internal sealed record BatchInputConfig(InlinedRequests? Requests, string? FileName);
