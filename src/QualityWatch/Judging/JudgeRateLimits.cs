using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QualityWatch.Judging;

/// <summary>
/// The configured judge budgets, enforced before a call is made. Every HTTP attempt,
/// retries included, takes a request permit, because the provider counts retries too.
/// </summary>
internal sealed class JudgeRateLimits : IDisposable
{
    private readonly int tokenLimit;

    public JudgeRateLimits(IOptions<JudgeOptions> options)
    {
        var judge = options.Value;
        tokenLimit = Math.Max(1, judge.TokensPerMinute);

        // 61 one-second segments: any 60 s window the provider looks at lies inside what the
        // limiter counts, so the configured RPM is never exceeded, whatever the alignment.
        Requests = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = judge.RequestsPerMinute,
            Window = TimeSpan.FromSeconds(61),
            SegmentsPerWindow = 61,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

        if (judge.TokensPerMinute > 0)
        {
            Tokens = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = judge.TokensPerMinute,
                TokensPerPeriod = Math.Max(1, judge.TokensPerMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public RateLimiter Requests { get; }

    /// <summary>Null when <c>Judge:TokensPerMinute</c> is 0 (no token budget).</summary>
    public RateLimiter? Tokens { get; }

    /// <summary>Waits until the estimated prompt tokens fit the per-minute token budget.</summary>
    public async ValueTask AcquireTokensAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        if (Tokens is null)
        {
            return;
        }

        // A single request larger than the whole budget still goes, alone, once the bucket is full.
        using var lease = await Tokens.AcquireAsync(Math.Clamp(estimatedTokens, 1, tokenLimit), cancellationToken);
    }

    public void Dispose()
    {
        Requests.Dispose();
        Tokens?.Dispose();
    }
}
