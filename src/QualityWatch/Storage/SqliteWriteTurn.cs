using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// One writer at a time inside this process, in order of arrival. SQLite's own busy handler polls with
/// growing sleeps (up to 100 ms) and is not fair: a writer that commits back to back (the ingest writer under
/// load) takes the lock again within microseconds, so a judge verdict or an alert state polling for it could
/// starve until its busy timeout ran out and fail with "database is locked". Here async waiters queue in order
/// of arrival without blocking a thread; SemaphoreSlim hands a release to a synchronous waiter (the ingest writer's
/// loop) first, so ingest commits alternate with the others rather than starve them. SQLite's busy timeout
/// still covers writers in other processes (a backfill).
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Lives as long as the singleton factory; a SemaphoreSlim whose AvailableWaitHandle is never read holds no kernel object.")]
internal sealed class SqliteWriteTurn(TimeSpan timeout)
{
    private const int SqliteBusy = 5;
    private readonly SemaphoreSlim turn = new(1, 1);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (!await turn.WaitAsync(timeout, cancellationToken))
        {
            throw TimedOut();
        }
    }

    public void Wait()
    {
        if (!turn.Wait(timeout))
        {
            throw TimedOut();
        }
    }

    public void Release() => turn.Release();

    // The code SQLite itself would report, so callers that handle a busy database handle this the same way.
    private SqliteException TimedOut() =>
        new($"SQLite Error 5: 'database is locked': no write turn within Storage:BusyTimeout ({timeout}); other writers held the database all that time.", SqliteBusy);
}
