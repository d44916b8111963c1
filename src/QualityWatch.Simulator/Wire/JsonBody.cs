using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualityWatch.Simulator.Wire;

/// <summary>Reads a request body leniently as a JSON tree; field-level checks belong to each protocol.</summary>
internal static class JsonBody
{
    /// <summary>The body's JSON, or null with the parser's complaint when it is not JSON at all.</summary>
    public static async Task<(JsonNode? Node, string? Error)> ReadAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return (node, null);
        }
        catch (JsonException ex)
        {
            return (null, ex.Message);
        }
    }
}
