namespace QualityWatch.Ingestion;

/// <summary>One item of a request body: its position and either the parsed wire object or why it could not be read.</summary>
internal readonly record struct ParsedItem(int Position, InteractionWire? Wire, string? Error);
