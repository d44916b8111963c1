using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Telemetry;
using Polly.Timeout;

namespace QualityWatch.Judging;

/// <summary>
/// The judge HTTP pipeline, outermost first: retry (backoff + jitter, honouring the provider's
/// requested delay) → circuit breaker → request rate limit → per-attempt timeout.
/// </summary>
internal static class JudgeResilience
{
    /// <summary>The handler's name; Polly reports the pipeline as "{HTTP client}-{handler}".</summary>
    public const string HandlerName = "judge";

    /// <summary>
    /// A retried judge attempt (a 429 under load, a 503 from a shedding Flex) is routine: at Polly's default
    /// Warning a 429 storm would bury everything else in the log, one line per attempt. They go to Debug; what
    /// the on-call needs is logged by the worker once per sample, and the breaker opening keeps its severity.
    /// </summary>
    public static ResilienceEventSeverity Severity(SeverityProviderArguments args) =>
        args.Source.PipelineName == $"{JudgeHttp.ClientName}-{HandlerName}" && args.Event.EventName is "OnRetry" or "ExecutionAttempt"
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JudgeOptions>>().Value;
        var limits = services.GetRequiredService<JudgeRateLimits>();
        var time = services.GetRequiredService<TimeProvider>();

        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromMinutes(2),
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxRetries, args.Context.CancellationToken),
                DelayGenerator = async args => args.Outcome.Result is { } response
                    ? RetryAdvice.Delay(response, await ReadBodyAsync(response, args.Context.CancellationToken), time.GetUtcNow())
                    : null,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Open only when nearly everything fails: 429s mean "slower", not "broken".
                FailureRatio = 0.9,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
            })
            .AddRateLimiter(limits.Requests)
            .AddTimeout(options.RequestTimeout);
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, int maxRetries, CancellationToken cancellationToken)
    {
        if (maxRetries == 0)
        {
            return false;
        }

        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return response.StatusCode switch
        {
            // A per-day quota will not come back within any backoff: let the worker pause instead.
            HttpStatusCode.TooManyRequests => !RetryAdvice.IsDailyQuota(await ReadBodyAsync(response, cancellationToken)),
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
            _ => false,
        };
    }

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException ||
        (outcome.Result is { } response && (int)response.StatusCode >= 500);

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        // Buffered, so the provider can read the same body again after the pipeline returns it.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
