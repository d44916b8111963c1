using Dapper;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Demo;

/// <summary>
/// Keeps the accelerated clock from running away from the machine. At 720x a real second is 12 simulated minutes, so a
/// loaded machine (another build, a CPU hog, a SQLite write turn waited out) leaves routine samples waiting hours of
/// simulated time: the backlog rule then pages about the demo's clock, not about the judge or the chatbot. The pace
/// looks on its own loop every <see cref="Tick"/> (not between the demo's posts, which a loaded machine makes slow) at
/// the oldest sample due for a judge call, in either lane (a deploy's boost samples too: the machine must keep up with
/// them as well). Older than <see cref="Behind"/>, the clock drops to a quarter of its speed, down to
/// <see cref="Floor"/> of full speed; under <see cref="CaughtUp"/> it doubles back up to full speed. Play starts at the
/// floor and ramps up the same way, so a machine still compiling the service does not start the day hours behind.
/// </summary>
internal sealed class DemoPace(AcceleratedTimeProvider clock, SqliteConnectionFactory connections, double fullSpeed)
{
    private const string OldestDueSql =
        "SELECT MIN(received_at) FROM samples WHERE status = @Pending AND (next_attempt_at IS NULL OR next_attempt_at <= @Now);";

    /// <summary>Far below the shipped backlog rule's MaxAge (1 h), above Judge:PollInterval and a Flex retry's wait.</summary>
    public static readonly TimeSpan Behind = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan CaughtUp = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The slowest the clock runs, as a share of full speed. Lower does not help: the simulator's Flex answers take
    /// simulated minutes, so at a crawl the calls themselves take real minutes and the demo only gets longer.
    /// </summary>
    public const double Floor = 1.0 / 32;

    private readonly double fullSpeed = fullSpeed;
    private readonly double floorSpeed = Math.Max(1, fullSpeed * Floor);
    private bool fellBehind;
    private long slowedSince = -1;
    private TimeSpan slowedBefore;

    /// <summary>The lowest speed the clock fell to because the judge was behind; the full speed when it never did.</summary>
    public double Slowest { get; private set; } = fullSpeed;

    /// <summary>Real time the clock ran below full speed because the judge was behind (the start's ramp not counted).</summary>
    public TimeSpan SlowedFor => slowedBefore + (slowedSince >= 0 ? TimeProvider.System.GetElapsedTime(slowedSince) : TimeSpan.Zero);

    /// <summary>The next speed: a quarter when the oldest due sample waited longer than Behind, double when under CaughtUp.</summary>
    public static double Next(double speed, TimeSpan waited, double fullSpeed)
    {
        var floor = Math.Max(1, fullSpeed * Floor);
        return waited > Behind ? Math.Max(floor, speed / 4)
            : waited < CaughtUp ? Math.Min(fullSpeed, speed * 2)
            : speed;
    }

    /// <summary>Starts the clock at the floor and adjusts it every <see cref="Tick"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        clock.SetSpeed(floorSpeed);
        using var timer = new PeriodicTimer(Tick, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await AdjustAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        if (slowedSince >= 0)
        {
            slowedBefore += TimeProvider.System.GetElapsedTime(slowedSince);
            slowedSince = -1;
        }
    }

    private async Task AdjustAsync(CancellationToken cancellationToken)
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
        var next = Next(speed, waited, fullSpeed);
        if (next != speed)
        {
            clock.SetSpeed(next);
        }

        fellBehind |= waited > Behind;
        var behind = fellBehind && next < fullSpeed;
        if (behind)
        {
            Slowest = Math.Min(Slowest, next);
        }

        var real = TimeProvider.System.GetTimestamp();
        if (behind && slowedSince < 0)
        {
            slowedSince = real;
        }
        else if (!behind && slowedSince >= 0)
        {
            slowedBefore += TimeProvider.System.GetElapsedTime(slowedSince, real);
            slowedSince = -1;
        }
    }
}
