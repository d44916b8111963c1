using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>One line of a JSONL input file.</summary>
internal sealed record BatchFileLine(string Key, GenerateContentRequest Request);
