using System.Text.Json.Serialization;

namespace QualityWatch.Simulator.Verdicts;

/// <summary>The judge's answer, exactly the object QualityWatch's rubric asks for.</summary>
public sealed record Verdict(
    [property: JsonPropertyName("accuracy")] int Accuracy,
    [property: JsonPropertyName("tone")] int Tone,
    [property: JsonPropertyName("hallucination")] bool Hallucination,
    [property: JsonPropertyName("unsupported_claims")] IReadOnlyList<string> UnsupportedClaims,
    [property: JsonPropertyName("reason")] string Reason);
