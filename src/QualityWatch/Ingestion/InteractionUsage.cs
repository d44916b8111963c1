using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>The chatbot's own token counts for the interaction, when it reports them.</summary>
internal sealed class InteractionUsage
{
    [JsonPropertyName("prompt_tokens")]
    public long? PromptTokens { get; set; }

    [JsonPropertyName("completion_tokens")]
    public long? CompletionTokens { get; set; }

    [JsonPropertyName("total_tokens")]
    public long? TotalTokens { get; set; }
}
