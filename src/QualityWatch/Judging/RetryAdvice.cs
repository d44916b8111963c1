using System.Globalization;

namespace QualityWatch.Judging;

/// <summary>Reads what a provider says about waiting and quotas from an error response.</summary>
internal static class RetryAdvice
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>retry-after-ms</c>, then <c>Retry-After</c> (seconds or HTTP date), then Gemini's
    /// <c>google.rpc.RetryInfo.retryDelay</c> in the body; null when the response names none.
    /// </summary>
    public static TimeSpan? Delay(HttpResponseMessage response, string? body, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms) &&
            double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return Cap(TimeSpan.FromMilliseconds(millis));
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return Cap(retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null));
        }

        return Cap(GeminiRetryDelay(body));
    }

    /// <summary>A per-day quota (Gemini QuotaFailure quotaId containing PerDay, OpenAI insufficient_quota) will not recover in minutes.</summary>
    public static bool IsDailyQuota(string? body) =>
        body is not null &&
        (body.Contains("PerDay", StringComparison.Ordinal) || body.Contains("\"insufficient_quota\"", StringComparison.Ordinal));

    private static TimeSpan? GeminiRetryDelay(string? body)
    {
        if (body is null || !body.Contains("RetryInfo", StringComparison.Ordinal))
        {
            return null;
        }

        // An unreadable error body just means no advice.
        foreach (var detail in JudgeHttp.ErrorOf(body)?.Details ?? [])
        {
            if (detail.RetryDelay is { } text && text.EndsWith('s') &&
                double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    private static TimeSpan? Cap(TimeSpan? delay) =>
        delay is null ? null : delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
}
