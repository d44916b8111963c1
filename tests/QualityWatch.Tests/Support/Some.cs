using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualityWatch.Tests.Support;

/// <summary>Object mother for ingest payloads.</summary>
public static class Some
{
    private static int sequence;

    public static string Id() => $"int-{Interlocked.Increment(ref sequence)}-{Guid.NewGuid():N}";

    public static JsonObject Interaction(
        string? id = null,
        string prompt = "Where is my order?",
        string response = "Your order shipped yesterday and arrives Friday.",
        string? timestamp = null,
        string? promptVersion = null,
        string? model = null,
        string? context = null,
        IDictionary<string, string>? labels = null)
    {
        var item = new JsonObject
        {
            ["id"] = id ?? Id(),
            ["prompt"] = prompt,
            ["response"] = response,
        };
        if (timestamp is not null)
        {
            item["timestamp"] = timestamp;
        }

        if (promptVersion is not null)
        {
            item["prompt_version"] = promptVersion;
        }

        if (model is not null)
        {
            item["model"] = model;
        }

        if (context is not null)
        {
            item["context"] = context;
        }

        if (labels is not null)
        {
            var node = new JsonObject();
            foreach (var (key, value) in labels)
            {
                node[key] = value;
            }

            item["labels"] = node;
        }

        return item;
    }

    public static JsonArray Batch(int count, Func<int, JsonObject>? make = null)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(make?.Invoke(i) ?? Interaction());
        }

        return array;
    }

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    public static StringContent Ndjson(IEnumerable<JsonObject> items) => Ndjson([.. items.Select(i => i.ToJsonString())]);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
