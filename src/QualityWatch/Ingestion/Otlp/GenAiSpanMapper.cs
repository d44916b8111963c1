using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// One inference span becomes one interaction in the shape JSON ingest takes, so the same validation,
/// redaction, dedup and sampling apply. Its id is <c>{trace_id}:{span_id}</c> in hex: stable across the
/// exporter's retries, so a resent batch is deduplicated.
/// </summary>
internal sealed class GenAiSpanMapper(IOptions<OtlpOptions> options)
{
    /// <summary>The span's fate and, for an inference span (with content or without), the interaction it becomes.</summary>
    public (SpanFate Fate, InteractionWire? Wire) Map(OtlpAttributes resource, Span span)
    {
        var attributes = new OtlpAttributes(span.Attributes);
        var fate = GenAiSpanReader.Classify(attributes, span);
        if (fate != SpanFate.Interaction)
        {
            return (fate, null);
        }

        if (span.TraceId.Length == 0 || span.SpanId.Length == 0)
        {
            return (SpanFate.Rejected, null);
        }

        var content = GenAiSpanReader.Read(attributes, span);
        return (content is null ? SpanFate.ContentNotCaptured : SpanFate.Interaction, new InteractionWire
        {
            Id = $"{Convert.ToHexStringLower(span.TraceId.Span)}:{Convert.ToHexStringLower(span.SpanId.Span)}",
            Timestamp = Timestamp(span.EndTimeUnixNano != 0 ? span.EndTimeUnixNano : span.StartTimeUnixNano),
            // Without content the span still counts as volume: empty texts pass validation and are never sampled.
            Prompt = content?.Prompt ?? "",
            Response = content?.Output ?? "",
            Context = content?.Context,
            Model = attributes.String("gen_ai.response.model") ?? attributes.String("gen_ai.request.model") ?? attributes.String("llm.model_name"),
            PromptVersion = attributes.String("gen_ai.prompt.version"),
            ConversationId = attributes.String("gen_ai.conversation.id") ?? attributes.String("session.id"),
            Labels = Labels(resource, attributes),
            Usage = Usage(attributes),
        });
    }

    /// <summary>The trace and span ids of an interaction that came in over OTLP, from its id.</summary>
    public static (string TraceId, string SpanId)? SpanOf(string interactionId) =>
        interactionId.Length == 49 && interactionId[32] == ':' ? (interactionId[..32], interactionId[33..]) : null;

    private Dictionary<string, string>? Labels(OtlpAttributes resource, OtlpAttributes span)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in options.Value.EffectiveResourceLabels)
        {
            if (resource.String(key) is { Length: > 0 } value)
            {
                labels[key] = value;
            }
        }

        if (span.String("gen_ai.prompt.name") is { Length: > 0 } promptName)
        {
            labels["prompt_name"] = promptName;
        }

        return labels.Count == 0 ? null : labels;
    }

    private static InteractionUsage? Usage(OtlpAttributes a)
    {
        var input = a.Long("gen_ai.usage.input_tokens") ?? a.Long("gen_ai.usage.prompt_tokens") ?? a.Long("llm.token_count.prompt");
        var output = a.Long("gen_ai.usage.output_tokens") ?? a.Long("gen_ai.usage.completion_tokens") ?? a.Long("llm.token_count.completion");
        var total = a.Long("llm.usage.total_tokens") ?? a.Long("llm.token_count.total") ?? (input + output);
        return input is null && output is null && total is null
            ? null
            : new InteractionUsage { PromptTokens = input, CompletionTokens = output, TotalTokens = total };
    }

    private static string? Timestamp(ulong unixNanos)
    {
        if (unixNanos == 0)
        {
            return null;
        }

        var at = DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));
        return at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }
}
