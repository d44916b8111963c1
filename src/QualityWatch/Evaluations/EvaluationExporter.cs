using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using QualityWatch.Judging;

namespace QualityWatch.Evaluations;

/// <summary>
/// The OpenTelemetry SDK's logs pipeline, on its own logger factory so the service's own logs never
/// travel with it: events queue in the SDK's batch processor and the official OTLP exporter sends them,
/// retrying transient failures in memory.
/// </summary>
internal sealed class EvaluationExporter : IDisposable
{
    /// <summary>The event name of the GenAI semantic conventions; the OTLP exporter writes EventId.Name as the record's event name.</summary>
    public const string EventName = "gen_ai.evaluation.result";

    private static readonly Func<IReadOnlyList<KeyValuePair<string, object?>>, Exception?, string> NoBody = (_, _) => string.Empty;

    private readonly ILoggerFactory factory;
    private readonly ILogger logger;

    public EvaluationExporter(EvaluationExportOptions options)
    {
        factory = LoggerFactory.Create(logging =>
        {
            // The exporter's experimental in-memory retry, read from the pipeline's own configuration.
            logging.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection([new("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory")])
                .Build());
            logging.AddOpenTelemetry(otel =>
            {
                otel.IncludeFormattedMessage = false;
                otel.IncludeScopes = false;
                otel.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("qualitywatch"));
                otel.AddProcessor(new ParentSpanProcessor());
                otel.AddOtlpExporter((exporter, processor) =>
                {
                    exporter.Protocol = options.Protocol == EvaluationExportProtocols.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                    exporter.Endpoint = EndpointOf(options);
                    exporter.Headers = options.Headers;
                    processor.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 1000;
                });
            });
        });
        logger = factory.CreateLogger("QualityWatch.Evaluations");
    }

    /// <summary>Hands the verdict's three events to the SDK's queue; returns at once.</summary>
    public void Emit(VerdictRecord verdict, JudgedSample? sample)
    {
        var parent = OtlpSpanIds.Of(verdict.InteractionId);
        foreach (var evaluation in EvaluationEvent.Of(verdict))
        {
            var attributes = new List<KeyValuePair<string, object?>>(12)
            {
                new("gen_ai.evaluation.name", evaluation.Name),
                new("gen_ai.evaluation.score.value", evaluation.ScoreValue),
                new("gen_ai.evaluation.score.label", evaluation.ScoreLabel),
                new("gen_ai.evaluation.explanation", evaluation.Explanation),
                new("qualitywatch.interaction_id", verdict.InteractionId),
                new("qualitywatch.rubric_version", verdict.RubricVersion),
                new("qualitywatch.judge.model", verdict.JudgeModel),
            };
            if (sample is not null)
            {
                attributes.Add(new("qualitywatch.stream", sample.Stream));
                Add(attributes, "gen_ai.prompt.version", sample.PromptVersion);
                Add(attributes, "gen_ai.request.model", sample.Model);
            }

            if (parent is { } span)
            {
                attributes.Add(new(ParentSpanProcessor.TraceIdKey, span.TraceId));
                attributes.Add(new(ParentSpanProcessor.SpanIdKey, span.SpanId));
            }

            logger.Log(LogLevel.Information, new EventId(1, EventName), (IReadOnlyList<KeyValuePair<string, object?>>)attributes, null, NoBody);
        }
    }

    /// <summary>Sends what is queued, within the exporter's own timeout, and stops.</summary>
    public void Dispose() => factory.Dispose();

    private static void Add(List<KeyValuePair<string, object?>> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes.Add(new(key, value));
        }
    }

    private static Uri EndpointOf(EvaluationExportOptions options)
    {
        var endpoint = options.Endpoint!;
        return options.Protocol == EvaluationExportProtocols.HttpProtobuf && endpoint.AbsolutePath == "/"
            ? new Uri(endpoint, "v1/logs")
            : endpoint;
    }
}
