using System.Text.Json;
using QualityWatch.Judging.Wire;

namespace QualityWatch.Judging;

/// <summary>Checks the model's JSON answer strictly: a reply that is not exactly a verdict is a judge error.</summary>
internal static class VerdictParser
{
    /// <summary>
    /// The JSON Schema sent as the structured-output contract. OpenAI's strict mode rejects
    /// some keywords, so the score ranges are only sent where supported (Gemini responseJsonSchema).
    /// </summary>
    internal static JsonSchema Schema(bool withRanges) => new(
        "object",
        Properties: new Dictionary<string, JsonSchema>
        {
            ["accuracy"] = ScoreSchema(withRanges),
            ["tone"] = ScoreSchema(withRanges),
            ["hallucination"] = new("boolean"),
            ["unsupported_claims"] = new("array", Items: new("string")),
            ["reason"] = new("string"),
        },
        Required: ["accuracy", "tone", "hallucination", "unsupported_claims", "reason"],
        AdditionalProperties: false);

    private static JsonSchema ScoreSchema(bool withRanges) => withRanges ? new("integer", Minimum: 1, Maximum: 5) : new("integer");

    public static bool TryParse(string? text, out Verdict? verdict, out string? error)
    {
        verdict = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "judge reply is empty";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "judge reply is not a JSON object";
                return false;
            }

            // Each check runs regardless, so every out value is assigned; the first error wins.
            var errors = new[]
            {
                Score(root, "accuracy", out var accuracy),
                Score(root, "tone", out var tone),
                Bool(root, "hallucination", out var hallucination),
                Claims(root, out var claims),
                Reason(root, out var reason),
            };
            error = errors.FirstOrDefault(e => e is not null);
            if (error is null)
            {
                verdict = new Verdict(accuracy, tone, hallucination, claims, reason);
            }

            return error is null;
        }
        catch (JsonException ex)
        {
            error = $"judge reply is not valid JSON ({ex.Message})";
            return false;
        }
    }

    private static string? Score(JsonElement root, string name, out int value)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out value))
        {
            return $"judge reply lacks an integer '{name}'";
        }

        return value is >= 1 and <= 5 ? null : $"judge reply '{name}' is {value}, outside 1-5";
    }

    private static string? Bool(JsonElement root, string name, out bool value)
    {
        value = false;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return $"judge reply lacks a boolean '{name}'";
        }

        value = element.GetBoolean();
        return null;
    }

    private static string? Claims(JsonElement root, out IReadOnlyList<string> claims)
    {
        claims = [];
        if (!root.TryGetProperty("unsupported_claims", out var element) || element.ValueKind != JsonValueKind.Array ||
            element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return "judge reply lacks a string array 'unsupported_claims'";
        }

        claims = [.. element.EnumerateArray().Select(e => e.GetString()!)];
        return null;
    }

    private static string? Reason(JsonElement root, out string reason)
    {
        reason = "";
        if (!root.TryGetProperty("reason", out var element) || element.ValueKind != JsonValueKind.String)
        {
            return "judge reply lacks a string 'reason'";
        }

        reason = element.GetString()!;
        return null;
    }
}
