using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.OpenAi;

/// <summary>Validates a chat completions body with OpenAI's error messages, params and codes where known.</summary>
internal static class ChatRequestParser
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "model", "messages", "temperature", "top_p", "n", "stream", "stream_options", "stop", "max_tokens", "max_completion_tokens",
        "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "user", "response_format", "seed",
        "tools", "tool_choice", "parallel_tool_calls", "service_tier", "store", "metadata", "reasoning_effort", "modalities",
        "audio", "prediction", "prompt_cache_key", "prompt_cache_retention", "safety_identifier", "verbosity", "web_search_options",
        "functions", "function_call",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Roles = new[] { "system", "developer", "user", "assistant", "tool", "function" }.ToFrozenSet();

    public static (ChatRequest? Request, WireReply? Error) Parse(JsonNode? node)
    {
        if (node is not JsonObject body)
        {
            return Fail("Invalid type for request body: expected an object.");
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return Fail($"Unrecognized request argument supplied: {unknown}");
        }

        if (JsonFields.String(body["model"]) is not { Length: > 0 } model)
        {
            return Fail("you must provide a model parameter");
        }

        if (body["messages"] is not JsonArray messages)
        {
            return Fail("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }

        if (messages.Count == 0)
        {
            return Fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array");
        }

        var texts = new List<string>();
        var user = new List<string>();
        var prompt = new System.Text.StringBuilder();
        for (var i = 0; i < messages.Count; i++)
        {
            var role = JsonFields.String(messages[i]?["role"]);
            if (role is null || !Roles.Contains(role))
            {
                return Fail($"Invalid value: '{role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
                    $"messages[{i}].role", "invalid_value");
            }

            var content = Texts(messages[i]!["content"]);
            texts.AddRange(content);
            if (role == "user")
            {
                user.AddRange(content);
            }

            prompt.Append(role).Append('\n').AppendJoin('\n', content).Append('\n');
        }

        var tierRequested = JsonFields.String(body["service_tier"]);
        var error = (Tier: ChatTiers.Served(tierRequested), Stream: body["stream"]?.GetValueKind() == JsonValueKind.True) switch
        {
            (null, _) => Fail($"Invalid value: '{tierRequested}'. Supported values are: 'auto', 'default', 'flex', 'scale', and 'priority'.", "service_tier", "invalid_value"),
            (_, true) => Fail("The judge simulator does not stream; send \"stream\": false.", "stream", "unsupported_value"),
            _ => ResponseFormatError(body["response_format"]),
        };
        if (error.Item2 is not null)
        {
            return error;
        }

        var effort = JsonFields.String(body["reasoning_effort"]);
        var request = new ChatRequest(model, texts, string.Join('\n', user), prompt.ToString(), tierRequested, ChatTiers.Served(tierRequested)!,
            effort is not null and not "none");
        return (request, null);
    }

    /// <summary>Message content is a string or an array of parts; only text parts carry tokens here.</summary>
    private static List<string> Texts(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray parts => [.. parts.Select(p => JsonFields.String(p?["text"])).OfType<string>()],
        _ => [],
    };

    private static (ChatRequest?, WireReply?) ResponseFormatError(JsonNode? format)
    {
        if (format is null)
        {
            return (null, null);
        }

        return JsonFields.String(format["type"]) switch
        {
            "text" or "json_object" => (null, null),
            "json_schema" when JsonFields.String(format["json_schema"]?["name"]) is not { Length: > 0 } =>
                Fail("Missing required parameter: 'response_format.json_schema.name'.", "response_format.json_schema.name", "missing_required_parameter"),
            "json_schema" when format["json_schema"]?["schema"] is not (null or JsonObject) =>
                Fail("Invalid type for 'response_format.json_schema.schema': expected an object.", "response_format.json_schema.schema", "invalid_type"),
            "json_schema" => (null, null),
            var type => Fail($"Invalid value: '{type}'. Supported values are: 'text', 'json_object', and 'json_schema'.", "response_format.type", "invalid_value"),
        };
    }

    private static (ChatRequest?, WireReply?) Fail(string message, string? param = null, string? code = null) =>
        (null, OpenAiErrors.BadRequest(message, param, code));
}
