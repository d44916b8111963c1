using Dapper;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Demo;

/// <summary>
/// Keeps the accelerated clock from running away from the machine. At 720x a real second is 12 simulated minutes, so a
/// loaded machine (another build, a CPU hog, a SQLite write turn waited out) leaves routine samples waiting hours of
/// simulated time: the backlog rule then pages about the demo's clock, not about the judge or the chatbot. When the
/// oldest sample due for a judge call, in either lane (a deploy's boost samples too: the machine must keep up with
/// them as well), is older than <see cref="Behind"/>, the clock halves its speed each look, down to 1/32 of full
/// speed; once it is under <see cref="CaughtUp"/> it doubles back up to full speed.
/// </summary>
internal sealed class DemoPace(AcceleratedTimeProvider clock, SqliteConnectionFactory connections, double fullSpeed)
{
    private const string OldestDueSql =
        "SELECT MIN(received_at) FROM samples WHERE status = @Pending AND (next_attempt_at IS NULL OR next_attempt_at <= @Now);";

    /// <summary>Far below the shipped backlog rule's MaxAge (1 h), above Judge:PollInterval and a Flex retry's wait.</summary>
    public static readonly TimeSpan Behind = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan CaughtUp = TimeSpan.FromMinutes(3);

    private readonly double fullSpeed = fullSpeed;
    private long slowedSince = -1;
    private TimeSpan slowedBefore;

    /// <summary>The lowest speed the clock ran at; the full speed when it never slowed.</summary>
    public double Slowest { get; private set; } = fullSpeed;

    /// <summary>Real time the clock ran below full speed.</summary>
    public TimeSpan SlowedFor => slowedBefore + (slowedSince >= 0 ? TimeProvider.System.GetElapsedTime(slowedSince) : TimeSpan.Zero);

    public async Task AdjustAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long? oldest;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            oldest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                OldestDueSql, new { SampleStatuses.Pending, Now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        }

        var waited = oldest is { } ms ? now - DateTimeOffset.FromUnixTimeMilliseconds(ms) : TimeSpan.Zero;
        var speed = clock.Speed;
        var next = waited > Behind ? Math.Max(Math.Max(1, fullSpeed / 32), speed / 2)
            : waited < CaughtUp ? Math.Min(fullSpeed, speed * 2)
            : speed;
        if (next != speed)
        {
            clock.SetSpeed(next);
            Slowest = Math.Min(Slowest, next);
        }

        var real = TimeProvider.System.GetTimestamp();
        if (next < fullSpeed && slowedSince < 0)
        {
            slowedSince = real;
        }
        else if (next >= fullSpeed && slowedSince >= 0)
        {
            slowedBefore += TimeProvider.System.GetElapsedTime(slowedSince, real);
            slowedSince = -1;
        }
    }
}
