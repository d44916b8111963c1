using System.Text.Json.Serialization;

namespace QualityWatch.Export;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ExportSample))]
[JsonSerializable(typeof(EvalRecord))]
[JsonSerializable(typeof(ExportManifest))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
