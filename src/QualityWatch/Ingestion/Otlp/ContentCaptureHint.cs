namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// Says, at most once an hour, that inference spans arrive without their content and how to turn capture on:
/// a chatbot that never enabled it would otherwise look healthy here while nothing is ever judged.
/// </summary>
internal sealed class ContentCaptureHint(TimeProvider time, ILogger<ContentCaptureHint> logger)
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly Lock gate = new();
    private DateTimeOffset? lastLogged;
    private long since;

    public void Saw(long spans, string? service)
    {
        if (spans == 0)
        {
            return;
        }

        long count;
        lock (gate)
        {
            since += spans;
            var now = time.GetUtcNow();
            if (lastLogged is { } last && now - last < Period)
            {
                return;
            }

            lastLogged = now;
            count = since;
            since = 0;
        }

        Log.ContentNotCaptured(logger, count, service ?? "(no service.name)");
    }
}
