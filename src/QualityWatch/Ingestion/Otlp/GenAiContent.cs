namespace QualityWatch.Ingestion.Otlp;

/// <summary>The conversation one inference span carried, in any of the conventions <see cref="GenAiSpanReader"/> reads.</summary>
internal sealed record GenAiContent(IReadOnlyList<ChatTurn> Input, IReadOnlyList<string> SystemInstructions, string? Output)
{
    /// <summary>The last user message: what the chatbot answered.</summary>
    public string? Prompt => PromptTurn?.Text;

    private ChatTurn? PromptTurn => Input.LastOrDefault(t => t.Role == "user") ?? (Input.Count > 0 ? Input[^1] : null);

    /// <summary>System instructions and the earlier turns: the grounding the response is judged against.</summary>
    public string? Context
    {
        get
        {
            if (SystemInstructions.Count == 0 && Input.Count <= 1)
            {
                return null; // one question and nothing around it, the common span
            }

            var prompt = PromptTurn;
            var parts = SystemInstructions.Concat(Input.Where(t => !ReferenceEquals(t, prompt)).Select(t => $"{t.Role}: {t.Text}")).ToList();
            return parts.Count == 0 ? null : string.Join("\n\n", parts);
        }
    }
}
