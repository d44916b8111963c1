namespace QualityWatch.Evaluations;

/// <summary>The <c>Export:Otlp:Protocol</c> values, as OTEL_EXPORTER_OTLP_PROTOCOL spells them.</summary>
internal static class EvaluationExportProtocols
{
    public const string HttpProtobuf = "http/protobuf";
    public const string Grpc = "grpc";
}
