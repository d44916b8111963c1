namespace QualityWatch.Bench.NotifyOutages;

/// <summary>The settings and the moments of one run: how long the peers were down, what the kills interrupted.</summary>
internal sealed record NotifyOutagesRun(
    int Notifications,
    TimeSpan Outage,
    TimeSpan SmtpDelay,
    int AttemptsBeforeFirstKill,
    int EmailsSentAtSecondKill,
    TimeSpan Elapsed,
    double LoadAverage);
