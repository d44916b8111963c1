using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator;

namespace QualityWatch.Tests.Simulator;

/// <summary>Request bodies in the public wire shapes, and helpers to read the raw JSON the simulator sends back.</summary>
internal static class SimWire
{
    public const string GeminiModel = "gemini-2.5-flash";
    public const string OpenAiModel = "gpt-5-mini";
    public const string System = "You grade chatbot answers. Reply with JSON only.";

    public static string GeneratePath(string model = GeminiModel) => $"v1beta/models/{model}:generateContent";

    /// <summary>ASCII text of exactly the given number of simulator tokens (4 bytes each).</summary>
    public static string Tokens(int tokens, char fill = 'a') => new(fill, tokens * 4);

    /// <summary>Tokens of one text part by the documented rule: ceil(UTF-8 bytes / 4).</summary>
    public static int CountTokens(string text) => (Encoding.UTF8.GetByteCount(text) + 3) / 4;

    public static JsonObject GeminiRequest(string user, string? system = System, string? tier = null, int? thinkingBudget = 0, string? cachedContent = null)
    {
        var body = new JsonObject
        {
            ["contents"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = user }),
            }),
            ["generationConfig"] = new JsonObject
            {
                ["temperature"] = 0,
                ["responseMimeType"] = "application/json",
                ["responseJsonSchema"] = VerdictSchema(),
            },
        };
        if (system is not null)
        {
            body["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = system }) };
        }

        if (thinkingBudget is not null)
        {
            body["generationConfig"]!["thinkingConfig"] = new JsonObject { ["thinkingBudget"] = thinkingBudget };
        }

        if (tier is not null)
        {
            body["serviceTier"] = tier;
        }

        if (cachedContent is not null)
        {
            body["cachedContent"] = cachedContent;
        }

        return body;
    }

    public static JsonObject ChatRequest(string user, string? system = System, string? tier = null, string model = OpenAiModel)
    {
        var messages = new JsonArray();
        if (system is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = user });
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = messages,
            ["temperature"] = 0,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = "verdict", ["strict"] = true, ["schema"] = VerdictSchema() },
            },
        };
        if (tier is not null)
        {
            body["service_tier"] = tier;
        }

        return body;
    }

    public static JsonObject VerdictSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["accuracy"] = new JsonObject { ["type"] = "integer" },
            ["tone"] = new JsonObject { ["type"] = "integer" },
            ["hallucination"] = new JsonObject { ["type"] = "boolean" },
            ["unsupported_claims"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["reason"] = new JsonObject { ["type"] = "string" },
        },
        ["required"] = new JsonArray("accuracy", "tone", "hallucination", "unsupported_claims", "reason"),
        ["additionalProperties"] = false,
    };

    public static HttpClient Client(this JudgeSimulator simulator) => new() { BaseAddress = simulator.BaseAddress };

    public static Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, string path, JsonNode body, string? geminiKey = null, string? bearer = null, CancellationToken cancellationToken = default) =>
        client.SendJsonAsync(HttpMethod.Post, path, body.ToJsonString(), geminiKey, bearer, cancellationToken);

    public static async Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, string? json, string? geminiKey = null, string? bearer = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (geminiKey is not null)
        {
            request.Headers.Add("x-goog-api-key", geminiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string CandidateText(JsonElement generateResponse) =>
        generateResponse.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("text").GetString()!;

    public static string MessageContent(JsonElement chatResponse) =>
        chatResponse.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;

    public static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The @type names of a Google error's details, without the type.googleapis.com/google.rpc. prefix.</summary>
    public static string[] DetailTypes(JsonElement error) =>
        error.TryGetProperty("details", out var details)
            ? [.. details.EnumerateArray().Select(d => d.GetProperty("@type").GetString()!.Replace("type.googleapis.com/google.rpc.", "", StringComparison.Ordinal))]
            : [];

    public static JsonElement Detail(JsonElement error, string type) =>
        error.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc." + type);
}
