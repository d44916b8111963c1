using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// One writer at a time inside this process, in order of arrival, sync and async alike. SQLite's own busy handler polls
/// with growing sleeps (up to 100 ms) and is not fair: a writer that commits back to back (the ingest writer under load)
/// takes the lock again within microseconds, so a judge verdict or an alert state polling for it could starve until its
/// busy timeout ran out and fail with "database is locked". A released turn goes straight to the longest waiter, so a
/// writer that asks again at once (a rollup working off a backlog chunk by chunk) queues behind the others instead of
/// barging ahead of a waiter still being woken, which a SemaphoreSlim allows. SQLite's busy timeout still covers writers
/// in other processes (a backfill).
/// </summary>
internal sealed class SqliteWriteTurn(TimeSpan timeout)
{
    private const int SqliteBusy = 5;
    private readonly Lock gate = new();
    private readonly LinkedList<TaskCompletionSource> waiters = new();
    private bool held;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Enqueue() is not { } waiting)
        {
            return;
        }

        try
        {
            await waiting.Value.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still queued: no turn within the timeout. Otherwise it was handed over just as the wait ended: ours.
            if (Abandon(waiting))
            {
                throw TimedOut();
            }
        }
        catch (OperationCanceledException)
        {
            // Handed over just as the caller gave up: pass the turn on.
            if (!Abandon(waiting))
            {
                Release();
            }

            throw;
        }
    }

    /// <summary>Writers queued for the turn (tests watch it).</summary>
    internal int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiters.Count;
            }
        }
    }

    public void Wait()
    {
        if (Enqueue() is { } waiting && !waiting.Value.Task.Wait(timeout) && Abandon(waiting))
        {
            throw TimedOut();
        }
    }

    public void Release()
    {
        lock (gate)
        {
            if (waiters.First is { } next)
            {
                waiters.RemoveFirst();
                next.Value.SetResult();
                return;
            }

            held = false;
        }
    }

    /// <summary>Takes the free turn (null) or joins the queue (its place, completed when the turn is handed over).</summary>
    private LinkedListNode<TaskCompletionSource>? Enqueue()
    {
        lock (gate)
        {
            if (!held)
            {
                held = true;
                return null;
            }

            return waiters.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>Leaves the queue; false when the turn was handed over first (the caller holds it).</summary>
    private bool Abandon(LinkedListNode<TaskCompletionSource> waiting)
    {
        lock (gate)
        {
            if (waiting.List is null)
            {
                return false;
            }

            waiters.Remove(waiting);
            return true;
        }
    }

    // The code SQLite itself would report, so callers that handle a busy database handle this the same way.
    private SqliteException TimedOut() =>
        new($"SQLite Error 5: 'database is locked': no write turn within Storage:BusyTimeout ({timeout}); other writers held the database all that time.", SqliteBusy);
}
