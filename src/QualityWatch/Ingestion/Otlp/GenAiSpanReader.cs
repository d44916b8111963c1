using System.Globalization;
using System.Text.Json.Nodes;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// Reads the conversation out of an inference span, in the conventions chatbots emit today:
/// <list type="bullet">
/// <item>GenAI semantic conventions 1.37+: <c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c> and
/// <c>gen_ai.system_instructions</c>, as JSON strings or structured values (Microsoft.Extensions.AI, OpenTelemetry
/// contrib instrumentations);</item>
/// <item>the 1.28–1.36 span events <c>gen_ai.{system,user,assistant,tool}.message</c> and <c>gen_ai.choice</c>, and the
/// 1.26 events <c>gen_ai.content.prompt</c> / <c>gen_ai.content.completion</c>;</item>
/// <item>OpenLLMetry's legacy <c>gen_ai.prompt.{i}.*</c> / <c>gen_ai.completion.{i}.*</c> attributes;</item>
/// <item>OpenInference's <c>llm.input_messages.{i}.message.*</c>, <c>llm.output_messages.*</c>, <c>input.value</c> and <c>output.value</c>.</item>
/// </list>
/// The first convention that yields both a prompt and a response wins.
/// </summary>
internal static class GenAiSpanReader
{
    private static readonly HashSet<string> InferenceOperations = new(StringComparer.Ordinal) { "chat", "text_completion", "generate_content", "completion" };

    /// <summary>Whether the span is a GenAI span, and if so whether it is one model call.</summary>
    public static SpanFate Classify(OtlpAttributes attributes, Span span)
    {
        if (attributes.String("gen_ai.operation.name") is { } operation)
        {
            return InferenceOperations.Contains(operation) ? SpanFate.Interaction : SpanFate.NotInference;
        }

        if (attributes.String("openinference.span.kind") is { } kind)
        {
            return kind.Equals("LLM", StringComparison.OrdinalIgnoreCase) ? SpanFate.Interaction : SpanFate.NotInference;
        }

        if (attributes.String("llm.request.type") is { } requestType)
        {
            return requestType is "chat" or "completion" ? SpanFate.Interaction : SpanFate.NotInference;
        }

        var genAi = attributes.Has("gen_ai.request.model") || attributes.Has("gen_ai.response.model") || attributes.Has("gen_ai.system") ||
            attributes.Has("gen_ai.provider.name") || span.Events.Any(e => e.Name.StartsWith("gen_ai.", StringComparison.Ordinal));
        return genAi ? SpanFate.Interaction : SpanFate.NotGenAi;
    }

    /// <summary>The span's conversation, or null when it carries no prompt and response (content capture off).</summary>
    public static GenAiContent? Read(OtlpAttributes attributes, Span span) =>
        // In turn, not all at once: most spans are in one convention, and reading the others (prefix scans, sorted
        // index maps) cost more than the one that answers.
        Complete(Current(attributes)) ?? Complete(Events(span)) ?? Complete(OpenLlmetry(attributes)) ?? Complete(OpenInference(attributes));

    private static GenAiContent? Complete(GenAiContent? candidate) =>
        candidate is { Output: { Length: > 0 } } && candidate.Prompt is { Length: > 0 } ? candidate : null;

    /// <summary>Semantic conventions 1.37+: messages as lists of typed parts.</summary>
    private static GenAiContent? Current(OtlpAttributes attributes)
    {
        if (attributes.RawString("gen_ai.input.messages") is { } rawInput && attributes.RawString("gen_ai.output.messages") is { } rawOutput &&
            !attributes.Has("gen_ai.system_instructions") &&
            MessageListReader.TryRead(rawInput, out var fastInput) && MessageListReader.TryRead(rawOutput, out var fastOutput))
        {
            // Most lists carry no system turn: the list is taken as it is, not copied through a filter.
            return fastInput.Exists(t => t.Role == "system")
                ? new GenAiContent([.. fastInput.Where(t => t.Role != "system")], [.. fastInput.Where(t => t.Role == "system").Select(t => t.Text)], Text(fastOutput))
                : new GenAiContent(fastInput, [], Text(fastOutput));
        }

        var input = attributes.Json("gen_ai.input.messages");
        var output = attributes.Json("gen_ai.output.messages");
        if (input is null && output is null)
        {
            return null;
        }

        var system = attributes.Json("gen_ai.system_instructions") switch
        {
            JsonArray parts => [PartsText(parts)],
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => Array.Empty<string>(),
        };
        // Microsoft.Extensions.AI and others send the system prompt as a system-role input message.
        var turns = Messages(input);
        return new GenAiContent(
            [.. turns.Where(t => t.Role != "system")],
            [.. system.Where(s => s.Length > 0), .. turns.Where(t => t.Role == "system").Select(t => t.Text)],
            Text(Messages(output)));
    }

    /// <summary>The span-event conventions of 1.26 to 1.36.</summary>
    private static GenAiContent? Events(Span span)
    {
        var input = new List<ChatTurn>();
        var system = new List<string>();
        var output = new List<ChatTurn>();
        foreach (var e in span.Events)
        {
            var attributes = new OtlpAttributes(e.Attributes);
            switch (e.Name)
            {
                case "gen_ai.content.prompt":
                    input.AddRange(Messages(attributes.Json("gen_ai.prompt")));
                    break;
                case "gen_ai.content.completion":
                    output.AddRange(Messages(attributes.Json("gen_ai.completion")));
                    break;
                case "gen_ai.system.message" when EventText(attributes) is { } text:
                    system.Add(text);
                    break;
                case "gen_ai.user.message" or "gen_ai.assistant.message" or "gen_ai.tool.message" when EventText(attributes) is { } text:
                    input.Add(new ChatTurn(e.Name["gen_ai.".Length..^".message".Length], text));
                    break;
                case "gen_ai.choice" when EventText(attributes) is { } text:
                    output.Add(new ChatTurn("assistant", text));
                    break;
            }
        }

        return input.Count + output.Count + system.Count == 0 ? null : new GenAiContent(input, system, Text(output));
    }

    /// <summary>OpenLLMetry before the 1.37 conventions: <c>gen_ai.prompt.{i}.role</c>/<c>.content</c>, same for completions.</summary>
    private static GenAiContent? OpenLlmetry(OtlpAttributes attributes)
    {
        var prompt = Indexed(attributes.WithPrefix("gen_ai.prompt."), "role", "content");
        var completion = Indexed(attributes.WithPrefix("gen_ai.completion."), "role", "content");
        if (prompt.Count + completion.Count == 0)
        {
            return null;
        }

        return new GenAiContent(
            [.. prompt.Where(t => t.Role != "system")],
            [.. prompt.Where(t => t.Role == "system").Select(t => t.Text)],
            Text(completion));
    }

    /// <summary>OpenInference (Arize Phoenix): flattened message lists, else the raw input and output values.</summary>
    private static GenAiContent? OpenInference(OtlpAttributes attributes)
    {
        var input = Indexed(attributes.WithPrefix("llm.input_messages."), "message.role", "message.content");
        var output = Indexed(attributes.WithPrefix("llm.output_messages."), "message.role", "message.content");
        if (input.Count == 0 && attributes.String("input.value") is { Length: > 0 } raw)
        {
            input = Messages(attributes.Json("input.value")) is { Count: > 0 } parsed ? parsed : [new ChatTurn("user", raw)];
        }

        if (output.Count == 0 && attributes.String("output.value") is { Length: > 0 } rawOutput)
        {
            output = Messages(attributes.Json("output.value")) is { Count: > 0 } parsed ? parsed : [new ChatTurn("assistant", rawOutput)];
        }

        return input.Count + output.Count == 0
            ? null
            : new GenAiContent([.. input.Where(t => t.Role != "system")], [.. input.Where(t => t.Role == "system").Select(t => t.Text)], Text(output));
    }

    /// <summary>Messages from a JSON list: <c>{role, parts: [...]}</c> (1.37+), <c>{role, content}</c> (older, OpenAI-like) or an OpenAI reply's <c>choices</c>.</summary>
    private static List<ChatTurn> Messages(JsonNode? node)
    {
        var list = node switch
        {
            JsonArray array => array,
            JsonObject obj when obj["messages"] is JsonArray messages => messages,
            JsonObject obj when obj["choices"] is JsonArray choices => new JsonArray([.. choices.Select(c => c?["message"]?.DeepClone())]),
            JsonObject obj => new JsonArray(obj.DeepClone()),
            _ => [],
        };
        var turns = new List<ChatTurn>();
        foreach (var item in list)
        {
            if (item is not JsonObject message)
            {
                continue;
            }

            var role = (message["role"] as JsonValue)?.GetValue<string>() ?? "user";
            var text = message["parts"] is JsonArray parts ? PartsText(parts) : ContentText(message["content"]);
            if (text.Length > 0)
            {
                turns.Add(new ChatTurn(role, text));
            }
        }

        return turns;
    }

    /// <summary>Text of 1.37 parts: <c>text</c> parts' content, tool results' response; tool calls and media are not text.</summary>
    private static string PartsText(JsonArray parts) =>
        string.Join("\n", parts.OfType<JsonObject>().Select(part => (part["type"] as JsonValue)?.GetValue<string>() switch
        {
            "text" or null => ContentText(part["content"]),
            "tool_call_response" => ContentText(part["response"] ?? part["result"]),
            _ => "",
        }).Where(t => t.Length > 0));

    /// <summary>A content value: a string, a list of <c>{type: text, text}</c> parts (OpenAI), or anything else as JSON.</summary>
    private static string ContentText(JsonNode? content) => content switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray parts => string.Join("\n", parts.Select(p => p is JsonObject o ? ContentText(o["text"] ?? o["content"]) : ContentText(p)).Where(t => t.Length > 0)),
        _ => content.ToJsonString(),
    };

    /// <summary>The text of a 1.28–1.36 event: <c>gen_ai.event.content</c> JSON (<c>content</c>, or <c>message.content</c> for a choice), else a plain <c>content</c> attribute.</summary>
    private static string? EventText(OtlpAttributes attributes)
    {
        var body = attributes.Json("gen_ai.event.content");
        var text = body switch
        {
            JsonObject o when o["message"] is JsonObject m => ContentText(m["content"]),
            JsonObject o => ContentText(o["content"]),
            JsonValue v => ContentText(v),
            _ => attributes.String("content") ?? "",
        };
        return text.Length > 0 ? text : null;
    }

    /// <summary>Flattened lists such as <c>0.role</c>, <c>0.content</c>, <c>1.role</c>… in index order.</summary>
    private static List<ChatTurn> Indexed(IEnumerable<(string Suffix, string? Value)> flattened, string roleKey, string contentKey)
    {
        var byIndex = new SortedDictionary<int, (string? Role, string? Content)>();
        foreach (var (rest, value) in flattened)
        {
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(rest.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            var field = rest[(dot + 1)..];
            var entry = byIndex.GetValueOrDefault(index);
            if (field == roleKey)
            {
                entry.Role = value;
            }
            else if (field == contentKey)
            {
                entry.Content = value;
            }

            byIndex[index] = entry;
        }

        return [.. byIndex.Values.Where(e => !string.IsNullOrEmpty(e.Content)).Select(e => new ChatTurn(e.Role ?? "user", e.Content!))];
    }

    private static string? Text(List<ChatTurn> turns) => turns.Count switch
    {
        0 => null,
        1 => turns[0].Text,
        _ => string.Join("\n", turns.Select(t => t.Text)),
    };
}
