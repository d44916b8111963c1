namespace QualityWatch.Ingestion.Otlp;

/// <summary>What became of one span; the metric <c>qualitywatch_otlp_spans_total{outcome}</c> counts each.</summary>
internal enum SpanFate
{
    /// <summary>An inference span with its content: one interaction.</summary>
    Interaction,

    /// <summary>Not a GenAI span (HTTP, database, …): ignored.</summary>
    NotGenAi,

    /// <summary>A GenAI span that is not one model call (embeddings, tool execution, agent invocation): ignored.</summary>
    NotInference,

    /// <summary>An inference span without prompt or response: the app does not capture content.</summary>
    ContentNotCaptured,

    /// <summary>A span QualityWatch cannot take (no ids, invalid fields): counted as rejected in the answer.</summary>
    Rejected,
}
