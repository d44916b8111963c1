using Microsoft.Extensions.Options;
using QualityWatch.Storage;
using QualityWatch.Telemetry;

namespace QualityWatch.Judging;

/// <summary>
/// This process as a holder of leases (the live judge worker and the backfill alike). It registers
/// before its first lease and beats while it runs; every beat gives back the leases of owners found
/// dead, attempts refunded, so a restart after kill -9 judges its predecessor's samples at once
/// instead of after the lease expiry. A live owner's leases are never taken: an owner is dead only
/// when its lock file is free, or, where its lock file cannot be seen, when its heartbeat is stale.
/// </summary>
internal sealed class LeaseOwner(
    LeaseOwnerStore store, SqliteConnectionFactory connections, JudgeQueueSignal signal, IOptions<JudgeOptions> options, TimeProvider time,
    LogThrottle throttle, ILogger<LeaseOwner> logger)
    : IDisposable
{
    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly OwnerLockFiles locks = new(connections.DatabasePath);
    private readonly SemaphoreSlim registering = new(1, 1);
    private volatile bool registered;

    /// <summary>What this process writes into <c>lease_owner</c>.</summary>
    public string Id => field ??= $"{Environment.MachineName}:{Environment.ProcessId}:{instance}";

    /// <summary>Registers this owner (lock file, then row) unless done; call before the first lease.</summary>
    public async Task EnsureRegisteredAsync(CancellationToken cancellationToken)
    {
        if (registered)
        {
            return;
        }

        await registering.WaitAsync(cancellationToken);
        try
        {
            if (!registered)
            {
                // The lock before the row: whoever sees the row can ask the lock.
                locks.Hold(instance);
                await store.BeatAsync(Id, instance, time.GetUtcNow(), cancellationToken);
                registered = true;
            }
        }
        finally
        {
            registering.Release();
        }
    }

    /// <summary>Refreshes this owner's heartbeat and reclaims dead owners' leases; returns how many were reclaimed.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        await EnsureRegisteredAsync(cancellationToken);
        await store.BeatAsync(Id, instance, time.GetUtcNow(), cancellationToken);
        var reclaimed = 0;
        foreach (var other in await store.OthersAsync(Id, cancellationToken))
        {
            var gone = locks.IsGone(other.Instance);
            var silent = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(other.HeartbeatAt);
            if (gone == false || (gone is null && silent < options.Value.OwnerTimeout))
            {
                continue;
            }

            var count = await store.ReclaimAsync(other.Owner, other.HeartbeatAt, time.GetUtcNow(), cancellationToken);
            if (gone == true)
            {
                locks.Delete(other.Instance);
            }

            Log.DeadOwnerReclaimed(logger, other.Owner, count, gone == true ? "its process is gone" : $"no heartbeat for {silent:g}");
            reclaimed += count;
        }

        if (reclaimed > 0)
        {
            signal.Notify();
        }

        return reclaimed;
    }

    /// <summary>Beats every <see cref="JudgeOptions.HeartbeatInterval"/> until cancelled, then returns; never throws.</summary>
    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        // SQLite calls complete synchronously: yield first so the caller is not held by the first beat.
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A missed beat is harmless until OwnerTimeout passes: keep trying.
                if (throttle.ShouldLog(LogThrottle.KeyOf("lease-heartbeat", ex), (n, period) => Log.HeartbeatFailedRepeated(logger, n, period)))
                {
                    Log.HeartbeatFailed(logger, options.Value.HeartbeatInterval, ex);
                }
            }

            await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>On a clean stop, after every lease was given back: forgets the owner and drops its lock.</summary>
    public async Task RetireAsync(CancellationToken cancellationToken)
    {
        if (registered)
        {
            await store.ForgetAsync(Id, cancellationToken);
            registered = false;
        }

        locks.Dispose();
    }

    public void Dispose()
    {
        locks.Dispose();
        registering.Dispose();
    }
}
