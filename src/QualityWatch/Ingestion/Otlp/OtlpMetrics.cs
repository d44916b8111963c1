using System.Diagnostics;
using System.Diagnostics.Metrics;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion.Otlp;

/// <summary><c>qualitywatch_otlp_spans_total{outcome}</c>: every span received over OTLP, by what became of it.</summary>
internal sealed class OtlpMetrics
{
    public const string Spans = "qualitywatch.otlp.spans";

    private readonly Counter<long> spans;

    public OtlpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        spans = meterFactory.Create(QualityWatchMetrics.MeterName).CreateCounter<long>(
            Spans, "{span}", "Spans received over OTLP, by outcome: interaction, not_genai, not_inference, content_not_captured, rejected");
    }

    public void Record(SpanFate fate, long count)
    {
        if (count > 0)
        {
            spans.Add(count, new TagList { { "outcome", Outcome(fate) } });
        }
    }

    private static string Outcome(SpanFate fate) => fate switch
    {
        SpanFate.Interaction => "interaction",
        SpanFate.NotGenAi => "not_genai",
        SpanFate.NotInference => "not_inference",
        SpanFate.ContentNotCaptured => "content_not_captured",
        _ => "rejected",
    };
}
