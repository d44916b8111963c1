using System.Text.Json;
using QualityWatch.Judging.Queue;
using QualityWatch.Redaction;
using QualityWatch.Storage;

namespace QualityWatch.Ingestion;

/// <summary>Turns a sampled interaction into the row that is stored: every free-text field redacted.</summary>
internal static class SampleRedaction
{
    /// <summary>Only the redacted text leaves this method; the raw strings die with the caller.</summary>
    public static NewSample ToSample(Redactor redactor, Interaction interaction, string reason, long nowMs, RedactionCounts counts, string origin = SampleOrigins.Live, string? judgeTier = null)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(interaction);
        var prompt = redactor.Redact(interaction.Prompt, counts);
        var response = redactor.Redact(interaction.Response, counts);
        var context = interaction.Context is null ? null : redactor.Redact(interaction.Context, counts);
        var labels = JsonSerializer.Serialize(
            interaction.Labels.ToDictionary(p => p.Key, p => redactor.Redact(p.Value, counts)), IngestJsonContext.Default.DictionaryStringString);
        return new NewSample(
            interaction.Id,
            interaction.Stream.Name,
            interaction.Timestamp.ToUnixTimeMilliseconds(),
            nowMs,
            prompt,
            response,
            context,
            interaction.Model,
            interaction.PromptVersion,
            interaction.ConversationId,
            labels,
            interaction.Usage is null ? null : JsonSerializer.Serialize(interaction.Usage, IngestJsonContext.Default.InteractionUsage),
            JsonSerializer.Serialize(new Dictionary<string, int>(counts.AsDictionary()), IngestJsonContext.Default.DictionaryStringInt32),
            reason,
            JudgeTier: judgeTier,
            Origin: origin);
    }
}
