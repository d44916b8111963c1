using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>Validates a generateContent body the way the real API does, with its error messages where known.</summary>
internal static class GenerateContentParser
{
    public const string CacheConflict = "CachedContent can not be used with GenerateContent request setting system_instruction, tools or tool_config";

    private static readonly FrozenSet<string> TopLevel = JsonFields.Names(
        "model", "contents", "systemInstruction", "tools", "toolConfig", "safetySettings", "generationConfig", "cachedContent", "serviceTier");

    private static readonly FrozenSet<string> GenerationConfig = JsonFields.Names(
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount",
        "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
        "logprobs", "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "imageConfig", "mediaResolution");

    private static readonly FrozenSet<string> ThinkingConfig = JsonFields.Names("includeThoughts", "thinkingBudget", "thinkingLevel");

    public static (GenerateContentRequest? Request, WireReply? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return Fail("Invalid JSON payload received. Expected an object.");
        }

        if (JsonFields.FirstUnknown(root, TopLevel) is { } unknown)
        {
            return (null, GoogleErrors.UnknownField(unknown));
        }

        var system = JsonFields.Get(root, "systemInstruction") is { } s ? ContentTexts.Of(s) : [];
        if (system is null)
        {
            return Fail("Invalid value at 'system_instruction': expected a Content object with parts.");
        }

        if (JsonFields.Get(root, "contents") is not JsonArray { Count: > 0 } contents)
        {
            return Fail("* GenerateContentRequest.contents: contents is not specified\n");
        }

        var texts = new List<string>();
        var userTexts = new List<string>();
        string? first = null;
        foreach (var content in contents)
        {
            var parts = ContentTexts.Of(content);
            var role = ContentTexts.Role(content);
            if (parts is null || role is null)
            {
                return Fail(parts is null ? "Invalid value at 'contents': expected Content objects with parts." : "Please use a valid role: user, model.");
            }

            first ??= parts.FirstOrDefault() ?? "";
            texts.AddRange(parts);
            if (role == "user")
            {
                userTexts.AddRange(parts);
            }
        }

        var cachedContent = JsonFields.String(JsonFields.Get(root, "cachedContent"));
        if (cachedContent is not null &&
            (JsonFields.Has(root, "systemInstruction") || JsonFields.Has(root, "tools") || JsonFields.Has(root, "toolConfig")))
        {
            return Fail(CacheConflict);
        }

        var tierRequested = JsonFields.String(JsonFields.Get(root, "serviceTier"));
        if (ServiceTiers.Normalize(tierRequested) is not { } tier)
        {
            return Fail($"Invalid value at 'service_tier' (type.googleapis.com/google.ai.generativelanguage.v1beta.ServiceTier), \"{tierRequested}\"");
        }

        var (budget, thinking, configError) = ReadGenerationConfig(JsonFields.Get(root, "generationConfig"));
        if (configError is not null)
        {
            return (null, configError);
        }

        var request = new GenerateContentRequest(
            system, texts, string.Join('\n', userTexts), string.Concat(system) + first, cachedContent, tierRequested, tier, budget, thinking);
        return (request, null);
    }

    private static (int? Budget, bool Thinking, WireReply? Error) ReadGenerationConfig(JsonNode? node)
    {
        if (node is null)
        {
            // Thinking models think unless told not to.
            return (null, true, null);
        }

        if (node is not JsonObject config)
        {
            return (null, false, GoogleErrors.InvalidArgument("Invalid value at 'generation_config': expected an object."));
        }

        if (JsonFields.FirstUnknown(config, GenerationConfig) is { } unknown)
        {
            return (null, false, GoogleErrors.UnknownField(unknown, "generation_config"));
        }

        var hasSchema = JsonFields.Has(config, "responseSchema");
        var hasJsonSchema = JsonFields.Has(config, "responseJsonSchema");
        var mime = JsonFields.String(JsonFields.Get(config, "responseMimeType"));
        string? error = (hasSchema, hasJsonSchema) switch
        {
            (true, true) => "* GenerateContentRequest.generation_config: only one of response_schema and response_json_schema can be set.\n",
            _ when (hasSchema || hasJsonSchema) && mime != "application/json" =>
                "* GenerateContentRequest.generation_config.response_mime_type: response_mime_type must be application/json when a response schema is set.\n",
            _ when JsonFields.Get(config, "temperature") is JsonValue t && (!t.TryGetValue<double>(out var temp) || temp is < 0 or > 2) =>
                "* GenerateContentRequest.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n",
            _ => null,
        };
        if (error is not null)
        {
            return (null, false, GoogleErrors.InvalidArgument(error));
        }

        if (JsonFields.Get(config, "thinkingConfig") is not JsonObject thinking)
        {
            return (null, true, null);
        }

        if (JsonFields.FirstUnknown(thinking, ThinkingConfig) is { } unknownThinking)
        {
            return (null, false, GoogleErrors.UnknownField(unknownThinking, "generation_config.thinking_config"));
        }

        int? budget = JsonFields.Get(thinking, "thinkingBudget") is JsonValue b && b.TryGetValue<int>(out var value) ? value : null;
        return (budget, budget != 0, null);
    }

    private static (GenerateContentRequest?, WireReply?) Fail(string message) => (null, GoogleErrors.InvalidArgument(message));
}
