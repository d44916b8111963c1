using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using QualityWatch.Judging.Wire;

namespace QualityWatch.Judging;

/// <summary>
/// One judge HTTP call, shared by both providers and the rubric cache: the named client, the JSON body,
/// and the typed failure for whatever the call comes to, so a provider never throws except on cancellation.
/// </summary>
internal static class JudgeHttp
{
    /// <summary>The named HttpClient; configured once in <c>JudgingExtensions</c>.</summary>
    public const string ClientName = "judge";

    /// <summary>A request body written by a provider's source-generated wire context.</summary>
    public static StringContent Json<T>(T body, JsonTypeInfo<T> wire) => new(JsonSerializer.Serialize(body, wire), Encoding.UTF8, "application/json");

    /// <summary>Runs one call, mapping what the HTTP pipeline throws to typed failures.</summary>
    public static async Task<JudgeOutcome> GuardAsync(Func<Task<JudgeOutcome>> call)
    {
        try
        {
            return await call();
        }
        catch (BrokenCircuitException)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.CircuitOpen, "circuit open: the judge kept failing; calls paused");
        }
        catch (TimeoutRejectedException ex)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.Transient, $"timed out after {ex.Timeout}");
        }
        catch (RateLimiterRejectedException)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.RateLimited, "local rate limiter queue full");
        }
        catch (HttpRequestException ex)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.Transient, $"connection failed: {ex.HttpRequestError}");
        }
    }

    /// <summary>Turns a provider's non-success HTTP answer into a typed failure both providers share.</summary>
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
        if (ErrorOf(body) is not { } error)
        {
            // Not a JSON error body: a proxy's HTML page, say. The status alone is the useful part.
            return "";
        }

        var status = error.Status ?? error.Code?.ToString();
        return Trim($"{status}: {error.Message}");
    }

    /// <summary>The <c>error</c> object of an error body; null when the body is not one.</summary>
    public static ErrorBody? ErrorOf(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, JudgingJsonContext.Default.ErrorReply)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300];
}
