namespace QualityWatch.Evaluations;

/// <summary>Evaluations out: each verdict as OpenTelemetry <c>gen_ai.evaluation.result</c> events over OTLP.</summary>
internal sealed class EvaluationExportOptions
{
    public const string SectionName = "Export:Otlp";

    /// <summary>
    /// The OTLP receiver, e.g. <c>http://collector:4318</c>. For http/protobuf a bare base URL gets
    /// <c>/v1/logs</c> appended; a URL with a path is used as is. Unset (the default): nothing is exported.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Extra request headers as <c>key=value</c> pairs separated by commas (the OTEL_EXPORTER_OTLP_HEADERS format), e.g. an API key.</summary>
    public string? Headers { get; set; }

    /// <summary><c>http/protobuf</c> (the default) or <c>grpc</c>.</summary>
    public string Protocol { get; set; } = EvaluationExportProtocols.HttpProtobuf;

    /// <summary>Verdicts waiting for export before new ones are dropped (and counted in the log). Default 10000.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
