namespace QualityWatch.Ingestion.Otlp;

/// <summary>OTLP ingest log events: ids 17000–17099. Counts and service names only, never span content.</summary>
internal static partial class Log
{
    [LoggerMessage(17000, LogLevel.Warning,
        "{Spans} GenAI inference span(s) (e.g. from service {Service}) arrived without prompt or response content, so they count as volume but cannot be judged. " +
        "Turn content capture on: Microsoft.Extensions.AI UseOpenTelemetry(c => c.EnableSensitiveData = true); elsewhere OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true. Logged at most once an hour.")]
    public static partial void ContentNotCaptured(ILogger logger, long spans, string service);

    [LoggerMessage(17001, LogLevel.Debug, "OTLP export refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
