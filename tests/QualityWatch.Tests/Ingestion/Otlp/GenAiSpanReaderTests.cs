using QualityWatch.Ingestion.Otlp;
using QualityWatch.Ingestion.Otlp.Proto;
using static QualityWatch.Tests.Ingestion.Otlp.Spans;

namespace QualityWatch.Tests.Ingestion.Otlp;

/// <summary>Every convention a chatbot's instrumentation may use yields the same prompt, response and context.</summary>
public sealed class GenAiSpanReaderTests
{
    [Fact]
    public void Current_StructuredValues_AreRead()
    {
        var span = Base("chat", null);
        span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
        span.Attributes.Add(new KeyValue { Key = "gen_ai.input.messages", Value = Messages(("system", "Be brief."), ("user", "First?"), ("assistant", "One."), ("user", "Second?")) });
        span.Attributes.Add(new KeyValue { Key = "gen_ai.output.messages", Value = Messages(("assistant", "Two.")) });

        var content = Read(span);

        Assert.Equal("Second?", content.Prompt);
        Assert.Equal("Two.", content.Output);
        Assert.Equal("Be brief.\n\nuser: First?\n\nassistant: One.", content.Context);
    }

    [Fact]
    public void Current_MessagesWithContentInsteadOfParts_AreReadNotDropped()
    {
        // Some instrumentations put the older {role, content} messages in the 1.37 attributes; the fast path must hand them on.
        var span = Base("chat", null);
        span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
        span.Attributes.Add(Attr("gen_ai.input.messages", """[{"role":"system","content":"Be brief."},{"role":"user","content":"Open today?"}]"""));
        span.Attributes.Add(Attr("gen_ai.output.messages", """[{"role":"assistant","content":"Yes, until 6."}]"""));

        var content = Read(span);

        Assert.Equal(("Open today?", "Yes, until 6.", "Be brief."), (content.Prompt, content.Output, content.Context));
    }

    [Fact]
    public void V136Events_AreRead()
    {
        var span = Base("chat", null);
        span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
        span.Events.Add(Event("gen_ai.system.message", Attr("gen_ai.event.content", """{"content":"Refunds take 5 days."}""")));
        span.Events.Add(Event("gen_ai.user.message", Attr("gen_ai.event.content", """{"content":"How long for a refund?"}""")));
        span.Events.Add(Event("gen_ai.choice", Attr("gen_ai.event.content", """{"index":0,"finish_reason":"stop","message":{"content":"Five days."}}""")));

        var content = Read(span);

        Assert.Equal(("How long for a refund?", "Five days.", "Refunds take 5 days."), (content.Prompt, content.Output, content.Context));
    }

    [Fact]
    public void V126ContentEvents_AreRead()
    {
        var span = Base("chat", null);
        span.Attributes.Add(Attr("gen_ai.system", "openai"));
        span.Attributes.Add(Attr("gen_ai.request.model", "gpt-4o"));
        span.Events.Add(Event("gen_ai.content.prompt", Attr("gen_ai.prompt", """[{"role":"user","content":"Hi?"}]""")));
        span.Events.Add(Event("gen_ai.content.completion", Attr("gen_ai.completion", """[{"role":"assistant","content":"Hello."}]""")));

        var content = Read(span);

        Assert.Equal(("Hi?", "Hello."), (content.Prompt, content.Output));
    }

    [Fact]
    public void OpenLlmetryLegacy_IndexedAttributes_AreRead()
    {
        var span = Base("openai.chat", null);
        span.Attributes.Add(Attr("llm.request.type", "chat"));
        span.Attributes.Add(Attr("gen_ai.prompt.1.role", "user"));
        span.Attributes.Add(Attr("gen_ai.prompt.1.content", "Is it open on Sunday?"));
        span.Attributes.Add(Attr("gen_ai.prompt.0.role", "system"));
        span.Attributes.Add(Attr("gen_ai.prompt.0.content", "Open Mon-Sat."));
        span.Attributes.Add(Attr("gen_ai.completion.0.role", "assistant"));
        span.Attributes.Add(Attr("gen_ai.completion.0.content", "No, closed on Sunday."));

        var content = Read(span);

        Assert.Equal(("Is it open on Sunday?", "No, closed on Sunday.", "Open Mon-Sat."), (content.Prompt, content.Output, content.Context));
    }

    [Fact]
    public void OpenInference_Messages_AndRawValues_AreRead()
    {
        var flattened = Base("ChatCompletion", null);
        flattened.Attributes.Add(Attr("openinference.span.kind", "LLM"));
        flattened.Attributes.Add(Attr("llm.input_messages.0.message.role", "user"));
        flattened.Attributes.Add(Attr("llm.input_messages.0.message.content", "Price?"));
        flattened.Attributes.Add(Attr("llm.output_messages.0.message.role", "assistant"));
        flattened.Attributes.Add(Attr("llm.output_messages.0.message.content", "$5."));
        var raw = Base("llm", null);
        raw.Attributes.Add(Attr("openinference.span.kind", "LLM"));
        raw.Attributes.Add(Attr("input.value", "Colour?"));
        raw.Attributes.Add(Attr("output.value", "Blue."));

        Assert.Equal(("Price?", "$5."), (Read(flattened).Prompt, Read(flattened).Output));
        Assert.Equal(("Colour?", "Blue."), (Read(raw).Prompt, Read(raw).Output));
    }

    [Theory]
    [InlineData("gen_ai.operation.name", "embeddings", "NotInference")]
    [InlineData("gen_ai.operation.name", "execute_tool", "NotInference")]
    [InlineData("openinference.span.kind", "RETRIEVER", "NotInference")]
    [InlineData("http.request.method", "GET", "NotGenAi")]
    [InlineData("gen_ai.operation.name", "chat", "Interaction")]
    public void Classify_TellsInferenceFromOtherSpans(string key, string value, string fate)
    {
        var span = Base("x", null);
        span.Attributes.Add(Attr(key, value));

        Assert.Equal(fate, GenAiSpanReader.Classify(new OtlpAttributes(span.Attributes), span).ToString());
    }

    private static GenAiContent Read(Span span) =>
        GenAiSpanReader.Read(new OtlpAttributes(span.Attributes), span) ?? throw new Xunit.Sdk.XunitException("no content read");

    private static Span.Types.Event Event(string name, params KeyValue[] attributes)
    {
        var e = new Span.Types.Event { Name = name };
        e.Attributes.AddRange(attributes);
        return e;
    }

    /// <summary>Messages as structured AnyValues: [{role, parts: [{type: text, content}]}].</summary>
    private static AnyValue Messages(params (string Role, string Text)[] messages)
    {
        var list = new ArrayValue();
        foreach (var (role, text) in messages)
        {
            var part = new KeyValueList();
            part.Values.Add(Attr("type", "text"));
            part.Values.Add(Attr("content", text));
            var parts = new ArrayValue();
            parts.Values.Add(new AnyValue { KvlistValue = part });
            var message = new KeyValueList();
            message.Values.Add(Attr("role", role));
            message.Values.Add(new KeyValue { Key = "parts", Value = new AnyValue { ArrayValue = parts } });
            list.Values.Add(new AnyValue { KvlistValue = message });
        }

        return new AnyValue { ArrayValue = list };
    }
}
