using QualityWatch.Hosting;

namespace QualityWatch.Judging;

/// <summary>Ingest rings this after committing new samples, so an idle judge worker starts at once instead of at its next poll.</summary>
internal sealed class JudgeQueueSignal : WakeSignal;
