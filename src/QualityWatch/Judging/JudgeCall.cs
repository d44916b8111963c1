using System.Threading.RateLimiting;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace QualityWatch.Judging;

/// <summary>Maps what the HTTP pipeline throws to typed failures, so a provider never throws except on cancellation.</summary>
internal static class JudgeCall
{
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
}
