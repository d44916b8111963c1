using Google.Protobuf;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Tests.Ingestion.Otlp;

/// <summary>OTLP spans as instrumented chatbots emit them, for the ingest tests.</summary>
internal static class Spans
{
    public static byte[] NewTraceId() => Guid.NewGuid().ToByteArray();

    public static byte[] NewSpanId() => Guid.NewGuid().ToByteArray()[..8];

    public static string IdOf(Span span) => $"{Convert.ToHexStringLower(span.TraceId.Span)}:{Convert.ToHexStringLower(span.SpanId.Span)}";

    public static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static KeyValue Attr(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    /// <summary>A chat span in the GenAI conventions 1.37+: messages as JSON strings.</summary>
    public static Span Chat(string prompt, string response, string? system = null, string model = "gpt-5-mini", string? promptVersion = null, DateTimeOffset? at = null)
    {
        var span = Base("chat " + model, at);
        span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
        span.Attributes.Add(Attr("gen_ai.provider.name", "openai"));
        span.Attributes.Add(Attr("gen_ai.request.model", model));
        span.Attributes.Add(Attr("gen_ai.input.messages", $$"""[{"role":"user","parts":[{"type":"text","content":{{Json(prompt)}}}]}]"""));
        span.Attributes.Add(Attr("gen_ai.output.messages", $$"""[{"role":"assistant","parts":[{"type":"text","content":{{Json(response)}}}],"finish_reason":"stop"}]"""));
        if (system is not null)
        {
            span.Attributes.Add(Attr("gen_ai.system_instructions", $$"""[{"type":"text","content":{{Json(system)}}}]"""));
        }

        if (promptVersion is not null)
        {
            span.Attributes.Add(Attr("gen_ai.prompt.version", promptVersion));
        }

        span.Attributes.Add(Attr("gen_ai.usage.input_tokens", 42));
        span.Attributes.Add(Attr("gen_ai.usage.output_tokens", 17));
        return span;
    }

    /// <summary>A chat span with content capture off: model and usage only.</summary>
    public static Span ChatWithoutContent(string model = "gpt-5-mini")
    {
        var span = Base("chat " + model, null);
        span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
        span.Attributes.Add(Attr("gen_ai.request.model", model));
        return span;
    }

    /// <summary>An HTTP client span: not GenAI.</summary>
    public static Span Http()
    {
        var span = Base("GET", null);
        span.Attributes.Add(Attr("http.request.method", "GET"));
        span.Attributes.Add(Attr("url.full", "http://127.0.0.1/health"));
        return span;
    }

    public static Span Base(string name, DateTimeOffset? at)
    {
        var end = (ulong)(at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds() * 1_000_000UL;
        return new Span
        {
            TraceId = ByteString.CopyFrom(NewTraceId()),
            SpanId = ByteString.CopyFrom(NewSpanId()),
            Name = name,
            Kind = Span.Types.SpanKind.Client,
            StartTimeUnixNano = end - 1_500_000_000UL,
            EndTimeUnixNano = end,
        };
    }

    public static ExportTraceServiceRequest Export(string service, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Experimental.Microsoft.Extensions.AI" } };
        scope.Spans.AddRange(spans);
        var resource = new ResourceSpans { Resource = new Resource() };
        resource.Resource.Attributes.Add(Attr("service.name", service));
        resource.Resource.Attributes.Add(Attr("deployment.environment", "prod"));
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
