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
    private const int MaxStackId = 256;

    /// <summary>
    /// The labels a resource gives each of its spans (<c>Otlp:ResourceLabels</c>), read once per resource: every span
    /// of it shares the dictionary, which nothing downstream writes to; null when it has none.
    /// </summary>
    public Dictionary<string, string>? ResourceLabels(OtlpAttributes resource)
    {
        Dictionary<string, string>? labels = null;
        foreach (var key in options.Value.EffectiveResourceLabels)
        {
            if (resource.String(key) is { Length: > 0 } value)
            {
                (labels ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
            }
        }

        return labels;
    }

    /// <summary>The span's fate and, for an inference span (with content or without), the interaction it becomes.</summary>
    public static (SpanFate Fate, InteractionWire? Wire) Map(Dictionary<string, string>? resourceLabels, Span span)
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
        var unixNanos = span.EndTimeUnixNano != 0 ? span.EndTimeUnixNano : span.StartTimeUnixNano;
        return (content is null ? SpanFate.ContentNotCaptured : SpanFate.Interaction, new InteractionWire
        {
            Id = IdOf(span.TraceId.Span, span.SpanId.Span),
            // Typed, not RFC 3339 text: formatting it here for the validator to parse back cost more than the check.
            OccurredAt = unixNanos == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100)),
            // Without content the span still counts as volume: empty texts pass validation and are never sampled.
            Prompt = content?.Prompt ?? "",
            Response = content?.Output ?? "",
            Context = content?.Context,
            Model = attributes.String("gen_ai.response.model") ?? attributes.String("gen_ai.request.model") ?? attributes.String("llm.model_name"),
            PromptVersion = attributes.String("gen_ai.prompt.version"),
            ConversationId = attributes.String("gen_ai.conversation.id") ?? attributes.String("session.id"),
            Labels = Labels(resourceLabels, attributes),
            Usage = Usage(attributes),
        });
    }

    /// <summary>The trace and span ids of an interaction that came in over OTLP, from its id.</summary>
    public static (string TraceId, string SpanId)? SpanOf(string interactionId) =>
        interactionId.Length == 49 && interactionId[32] == ':' ? (interactionId[..32], interactionId[33..]) : null;

    /// <summary><c>{trace_id}:{span_id}</c> in lower-case hex, written once instead of joining two hex strings.</summary>
    private static string IdOf(ReadOnlySpan<byte> traceId, ReadOnlySpan<byte> spanId)
    {
        var length = ((traceId.Length + spanId.Length) * 2) + 1;
        if (length > MaxStackId)
        {
            return $"{Convert.ToHexStringLower(traceId)}:{Convert.ToHexStringLower(spanId)}";
        }

        Span<char> id = stackalloc char[length];
        Convert.TryToHexStringLower(traceId, id, out var written);
        id[written] = ':';
        Convert.TryToHexStringLower(spanId, id[(written + 1)..], out _);
        return new string(id);
    }

    private static Dictionary<string, string>? Labels(Dictionary<string, string>? resourceLabels, OtlpAttributes span)
    {
        if (span.String("gen_ai.prompt.name") is not { Length: > 0 } promptName)
        {
            return resourceLabels;
        }

        return new Dictionary<string, string>(resourceLabels ?? [], StringComparer.Ordinal) { ["prompt_name"] = promptName };
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
}
