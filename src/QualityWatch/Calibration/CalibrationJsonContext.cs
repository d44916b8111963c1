using System.Text.Json.Serialization;

namespace QualityWatch.Calibration;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CalibrationView))]
internal sealed partial class CalibrationJsonContext : JsonSerializerContext;
