using QualityWatch.Ingestion;

namespace QualityWatch.Backfill;

/// <summary>One line of a log: where it is, and its wire object or why it could not be read.</summary>
internal readonly record struct BackfillLine(string File, int Line, InteractionWire? Wire, string? Error);
