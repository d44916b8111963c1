using System.Diagnostics;

namespace QualityWatch.Tests.Support;

/// <summary>
/// Polls on wall-clock time, for what happens on another thread or process (deliveries, the judge, a
/// child service). Timeouts are generous: they bound a failing test, they never time a passing one.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SlowPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>True once <paramref name="condition"/> holds; false if it still does not after the timeout.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, Poll);

    /// <summary>True once <paramref name="condition"/> holds; false if it still does not after the timeout.</summary>
    public static Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null) =>
        TrueAsync(condition, timeout, SlowPoll);

    /// <summary>Reads until <paramref name="done"/> holds or the timeout passes, and returns the last value read either way.</summary>
    public static Task<T> ValueAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan? timeout = null) =>
        ValueAsync(() => Task.FromResult(read()), done, timeout);

    /// <summary>Reads until <paramref name="done"/> holds or the timeout passes, and returns the last value read either way.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value) || Stopwatch.GetElapsedTime(started) > (timeout ?? DefaultTimeout))
            {
                return value;
            }

            await Task.Delay(SlowPoll);
        }
    }

    /// <summary>
    /// The negative half of "eventually, then stays": after the test has seen what should have happened,
    /// <paramref name="condition"/> (that nothing more did) holds at every poll for <paramref name="period"/>.
    /// False at the first poll where it does not, so a wrong extra call fails the test as soon as it shows.
    /// </summary>
    public static Task<bool> StaysAsync(Func<bool> condition, TimeSpan period) =>
        StaysAsync(() => Task.FromResult(condition()), period);

    /// <inheritdoc cref="StaysAsync(Func{bool}, TimeSpan)"/>
    public static async Task<bool> StaysAsync(Func<Task<bool>> condition, TimeSpan period)
    {
        var started = Stopwatch.GetTimestamp();
        do
        {
            if (!await condition())
            {
                return false;
            }

            await Task.Delay(Poll);
        }
        while (Stopwatch.GetElapsedTime(started) < period);

        return await condition();
    }

    private static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout, TimeSpan poll)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < (timeout ?? DefaultTimeout))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(poll);
        }

        return await condition();
    }
}
