using QualityWatch.Simulator.Stats;

namespace QualityWatch.Simulator.Judging;

/// <summary>
/// Latency and hangs on the simulator's TimeProvider, so a fake or virtual clock decides when an
/// answer comes. Waits end when the client leaves or the simulator stops; stopping aborts the
/// connection, so a hang never holds up shutdown and the client sees a dropped connection, not an answer.
/// </summary>
internal sealed class RequestWaits(TimeProvider time, IHostApplicationLifetime lifetime, SimulatorStats stats)
{
    /// <summary>True when the full delay passed; false when the request is over (client gone or simulator stopping).</summary>
    public async Task<bool> DelayAsync(HttpContext context, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            return !context.RequestAborted.IsCancellationRequested;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        stats.WaitStarted();
        try
        {
            await Task.Delay(delay, time, linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            if (!context.RequestAborted.IsCancellationRequested)
            {
                context.Abort();
            }

            return false;
        }
        finally
        {
            stats.WaitEnded();
        }
    }

    public Task HangAsync(HttpContext context) => DelayAsync(context, Timeout.InfiniteTimeSpan);
}
