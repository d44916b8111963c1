namespace QualityWatch.Ingestion.Otlp;

/// <summary>OTLP trace ingest (<c>POST /v1/traces</c>), section <c>Otlp</c>.</summary>
internal sealed class OtlpOptions
{
    public const string SectionName = "Otlp";

    /// <summary>
    /// Resource attributes copied onto each interaction as labels of the same name, for stream routing
    /// (<c>Streams:N:Match:service.name</c>). Default: service.name, service.namespace, service.version,
    /// deployment.environment and deployment.environment.name.
    /// </summary>
    public List<string> ResourceLabels { get; set; } = [];

    /// <summary>The defaults apply when <see cref="ResourceLabels"/> is left empty (configuration binding appends to a list).</summary>
    public static IReadOnlyList<string> DefaultResourceLabels { get; } =
        ["service.name", "service.namespace", "service.version", "deployment.environment", "deployment.environment.name"];

    public IReadOnlyList<string> EffectiveResourceLabels => ResourceLabels.Count > 0 ? ResourceLabels : DefaultResourceLabels;
}
