using System.Text.Json;
using System.Text.Json.Nodes;

using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Verdicts;

/// <summary>The text a judge model answers with: the verdict, a wrong-shape verdict, or broken JSON.</summary>
internal static class VerdictText
{
    public static string Of(Verdict verdict) => JsonSerializer.Serialize(verdict, VerdictJsonContext.Wire.Verdict);

    public static string WrongShape(Verdict verdict, JudgeErrorKind kind)
    {
        if (kind == JudgeErrorKind.NotJson)
        {
            return $"Sure! I would rate this response {verdict.Accuracy} out of 5 for accuracy. {verdict.Reason}";
        }

        var node = JsonSerializer.SerializeToNode(verdict, VerdictJsonContext.Wire.Verdict)!.AsObject();
        if (kind == JudgeErrorKind.MissingField)
        {
            node.Remove("hallucination");
        }
        else
        {
            node["accuracy"] = 7;
        }

        return node.ToJsonString(WireJson.NodeOptions);
    }

    /// <summary>A verdict cut off mid-object, as a truncated or garbled generation would be.</summary>
    public static string Malformed(Verdict verdict)
    {
        var json = Of(verdict);
        return json[..(json.Length / 2)];
    }
}
