using System.Text.Json.Serialization;

namespace QualityWatch.Simulator.Verdicts;

[JsonSerializable(typeof(Verdict))]
internal sealed partial class VerdictJsonContext : JsonSerializerContext
{
    // Lazy: the generated Default is initialized by a static field in another part of this class.
    public static VerdictJsonContext Wire => field ??= new(QualityWatch.Simulator.Wire.WireJson.Relaxed(Default!.Options));
}
