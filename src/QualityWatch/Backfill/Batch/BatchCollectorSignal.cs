using QualityWatch.Hosting;

namespace QualityWatch.Backfill.Batch;

/// <summary>The Gemini webhook rings this when a batch job ended, so the collector polls at once instead of at its next backoff.</summary>
internal sealed class BatchCollectorSignal : WakeSignal;
