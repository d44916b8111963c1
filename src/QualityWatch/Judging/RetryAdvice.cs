using System.Globalization;
using System.Text.Json;

namespace QualityWatch.Judging;

/// <summary>Reads what a provider says about waiting and quotas from an error response.</summary>
public static class RetryAdvice
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

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || !error.TryGetProperty("details", out var details))
            {
                return null;
            }

            foreach (var detail in details.EnumerateArray())
            {
                if (detail.TryGetProperty("retryDelay", out var delay) && delay.GetString() is { } text && text.EndsWith('s') &&
                    double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable error body just means no advice.
        }

        return null;
    }

    private static TimeSpan? Cap(TimeSpan? delay) =>
        delay is null ? null : delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
}
