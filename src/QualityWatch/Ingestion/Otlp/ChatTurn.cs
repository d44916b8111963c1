namespace QualityWatch.Ingestion.Otlp;

/// <summary>One message of a GenAI span's conversation, reduced to its role and text.</summary>
internal sealed record ChatTurn(string Role, string Text);
