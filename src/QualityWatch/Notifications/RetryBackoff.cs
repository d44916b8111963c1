namespace QualityWatch.Notifications;

/// <summary>Exponential backoff with jitter per delivery, and the give-up rule.</summary>
internal sealed class RetryBackoff(NotificationRetryOptions options, Func<double> random)
{
    public RetryBackoff(NotificationRetryOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <summary>Wait after the <paramref name="attempts"/>-th failed attempt: InitialDelay × 2^(n−1), capped, then 50–100% of it.</summary>
    public TimeSpan DelayAfter(long attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var ms = Math.Min(options.InitialDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);

        // Jitter spreads retries of many deliveries to one recovering endpoint.
        return TimeSpan.FromMilliseconds(ms * (0.5 + (0.5 * random())));
    }

    /// <summary>True when a delivery that has failed <paramref name="attempts"/> times, created at <paramref name="createdAt"/>, is given up.</summary>
    public bool GiveUp(long attempts, DateTimeOffset createdAt, DateTimeOffset now) =>
        attempts >= options.MaxAttempts || now - createdAt >= options.MaxAge;
}
