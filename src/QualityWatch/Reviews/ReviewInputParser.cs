using System.Text.Json;

namespace QualityWatch.Reviews;

/// <summary>
/// Reads the <c>POST /v1/reviews</c> body by hand rather than by typed binding, so each mistake gets a
/// message naming its field instead of a serializer's path. Unknown fields are ignored, as ingest does.
/// </summary>
internal static class ReviewInputParser
{
    /// <summary>The answer, or null with <paramref name="error"/> saying which field is wrong and why.</summary>
    public static ReviewInput? Parse(ReadOnlyMemory<byte> body, int maxNoteLength, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"The body is not valid JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object: {\"interaction_id\": \"...\", \"hallucination\": true|false, \"accuracy\"?: 1-5, \"tone\"?: 1-5, \"note\"?: \"...\"}.";
                return null;
            }

            error = null;
            if (!root.TryGetProperty("interaction_id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                error = "interaction_id must be the sample's interaction id, a non-empty string.";
            }
            else if (!root.TryGetProperty("hallucination", out var h) || h.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = "hallucination must be true or false.";
            }
            else if (Score(root, "accuracy", out var accuracy) is { } accuracyError)
            {
                error = accuracyError;
            }
            else if (Score(root, "tone", out var tone) is { } toneError)
            {
                error = toneError;
            }
            else if (Note(root, maxNoteLength, out var note) is { } noteError)
            {
                error = noteError;
            }
            else
            {
                return new ReviewInput(id.GetString()!, h.GetBoolean(), accuracy, tone, note);
            }

            return null;
        }
    }

    private static string? Score(JsonElement root, string name, out int? score)
    {
        score = null;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is >= 1 and <= 5)
        {
            score = n;
            return null;
        }

        return $"{name} must be a whole number from 1 to 5, or left out; was {value.GetRawText()}.";
    }

    private static string? Note(JsonElement root, int maxLength, out string? note)
    {
        note = null;
        if (!root.TryGetProperty("note", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return "note must be a string, or left out.";
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            return $"note must be at most {maxLength} characters (Reviews:MaxNoteLength), was {text.Length}.";
        }

        // An empty note is no note: posting "" after nothing is the same answer.
        note = text.Length == 0 ? null : text;
        return null;
    }
}
