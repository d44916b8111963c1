using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace QualityWatch.Evaluations;

/// <summary>
/// Parents an event to the judged span. The SDK takes a log record's trace and span ids from
/// <see cref="Activity.Current"/>, and no Activity can carry a past span's own span id, so the emitter
/// passes them as two private attributes that this processor (ahead of the exporter) moves onto the record.
/// </summary>
internal sealed class ParentSpanProcessor : BaseProcessor<LogRecord>
{
    public const string TraceIdKey = "qualitywatch.parent.trace_id";
    public const string SpanIdKey = "qualitywatch.parent.span_id";

    public override void OnEnd(LogRecord data)
    {
        if (data.Attributes is not { } attributes)
        {
            return;
        }

        string? traceId = null, spanId = null;
        var kept = new List<KeyValuePair<string, object?>>(attributes.Count);
        foreach (var attribute in attributes)
        {
            switch (attribute.Key)
            {
                case TraceIdKey: traceId = attribute.Value as string; break;
                case SpanIdKey: spanId = attribute.Value as string; break;
                default: kept.Add(attribute); break;
            }
        }

        if (traceId is null && spanId is null)
        {
            return;
        }

        data.Attributes = kept;
        if (traceId is not null && spanId is not null)
        {
            data.TraceId = ActivityTraceId.CreateFromString(traceId);
            data.SpanId = ActivitySpanId.CreateFromString(spanId);
            data.TraceFlags = ActivityTraceFlags.Recorded;
        }
    }
}
