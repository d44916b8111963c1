using System.Text.Encodings.Web;
using System.Text.Json;

namespace QualityWatch.Simulator.Wire;

/// <summary>
/// Serializer options for the wire: the providers write quotes inside strings as <c>\"</c>, not
/// <c>\u0022</c>; both are valid JSON, but a reply that reads like the real one is easier to diff.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Relaxed(JsonSerializerOptions generated) =>
        new(generated) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = null };

    public static JsonSerializerOptions NodeOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
