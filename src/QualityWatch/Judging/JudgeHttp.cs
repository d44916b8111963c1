using System.Net;

namespace QualityWatch.Judging;

/// <summary>Turns a provider's non-success HTTP answer into a typed failure both providers share.</summary>
internal static class JudgeHttp
{
    public static async Task<JudgeOutcome> FailureAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = RetryAdvice.Delay(response, body, now);
        var status = (int)response.StatusCode;
        var error = $"HTTP {status} {Summary(body)}".TrimEnd();
        var kind = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests when RetryAdvice.IsDailyQuota(body) => JudgeFailureKind.DailyQuota,

            // OpenAI's Flex answers 429 "Resource Unavailable" when it sheds load.
            HttpStatusCode.TooManyRequests when body.Contains("Resource Unavailable", StringComparison.OrdinalIgnoreCase) => JudgeFailureKind.Unavailable,
            HttpStatusCode.TooManyRequests => JudgeFailureKind.RateLimited,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => JudgeFailureKind.Unauthorized,
            HttpStatusCode.BadRequest when body.Contains("API_KEY_INVALID", StringComparison.Ordinal) => JudgeFailureKind.Unauthorized,
            HttpStatusCode.ServiceUnavailable => JudgeFailureKind.Unavailable,
            HttpStatusCode.RequestTimeout => JudgeFailureKind.Transient,
            _ when status >= 500 => JudgeFailureKind.Transient,
            _ => JudgeFailureKind.Rejected,
        };
        return JudgeOutcome.Failed(kind, error, retryAfter);
    }

    /// <summary>The provider's error status and message, trimmed; safe to store (it never echoes sample text).</summary>
    private static string Summary(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var status = error.TryGetProperty("status", out var s) ? s.GetString() : error.TryGetProperty("code", out var c) ? c.ToString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return Trim($"{status}: {message}");
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: a proxy's HTML page, say. The status alone is the useful part.
        }

        return "";
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300];
}
