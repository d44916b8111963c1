using Microsoft.Data.Sqlite;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

public sealed class SqliteWriteTurnTests
{
    [Fact]
    public async Task Release_HandsTheTurnToTheWaiter_NotToAWriterAskingAgainAtOnce()
    {
        var turn = new SqliteWriteTurn(TimeSpan.FromMinutes(2));
        await turn.WaitAsync(CancellationToken.None);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var waiter = Task.Factory.StartNew(
            () =>
            {
                turn.Wait();
                order.Enqueue("waiter");
                turn.Release();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.True(await Eventually.TrueAsync(() => turn.Waiting == 1), "the waiter never queued");

        // A rollup working off a backlog releases and asks again within microseconds; a SemaphoreSlim let it barge
        // ahead of the waiter still being woken, for the whole backlog.
        turn.Release();
        await turn.WaitAsync(CancellationToken.None);
        order.Enqueue("again");
        turn.Release();
        await waiter;

        Assert.Equal(["waiter", "again"], order);
    }

    [Fact]
    public async Task Waiters_GetTheTurnInOrderOfArrival()
    {
        var turn = new SqliteWriteTurn(TimeSpan.FromMinutes(2));
        await turn.WaitAsync(CancellationToken.None);
        var order = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var waiters = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            waiters.Add(Task.Run(async () =>
            {
                await turn.WaitAsync(CancellationToken.None);
                order.Enqueue(n);
                turn.Release();
            }));
            Assert.True(await Eventually.TrueAsync(() => turn.Waiting == n + 1), $"waiter {n} never queued");
        }

        turn.Release();
        await Task.WhenAll(waiters);

        Assert.Equal([0, 1, 2, 3, 4], order);
    }

    [Fact]
    public async Task NoTurnWithinTheTimeout_IsSqliteBusy_AndLeavesTheQueue()
    {
        var turn = new SqliteWriteTurn(TimeSpan.FromMilliseconds(200));
        await turn.WaitAsync(CancellationToken.None);

        var async = await Assert.ThrowsAsync<SqliteException>(() => turn.WaitAsync(CancellationToken.None));
        var sync = Assert.Throws<SqliteException>(turn.Wait);

        Assert.Equal(5, async.SqliteErrorCode);
        Assert.Equal(5, sync.SqliteErrorCode);
        Assert.Equal(0, turn.Waiting);
        turn.Release();
        await turn.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task CancelledWaiter_LeavesTheQueue_AndTheTurnStaysUsable()
    {
        var turn = new SqliteWriteTurn(TimeSpan.FromMinutes(2));
        await turn.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = turn.WaitAsync(cancel.Token);
        Assert.True(await Eventually.TrueAsync(() => turn.Waiting == 1), "the waiter never queued");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, turn.Waiting);
        turn.Release();
        await turn.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
