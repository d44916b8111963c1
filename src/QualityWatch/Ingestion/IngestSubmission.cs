namespace QualityWatch.Ingestion;

/// <summary>What became of valid interactions handed to the writer: committed, or why not (nothing stored).</summary>
internal readonly record struct IngestSubmission(IngestOutcome Outcome, IngestRefusal Refusal);
