using Dapper;
using Microsoft.Extensions.Options;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

public sealed class SqliteConnectionFactoryTests
{
    /// <summary>
    /// A COMMIT that fails (SQLITE_BUSY under load) leaves SQLite's transaction open while the connection goes
    /// back to the pool; the next user of that connection must not inherit it ("cannot start a transaction within a transaction").
    /// </summary>
    [Fact]
    public async Task OpenAsync_ConnectionReturnedWithAnOpenTransaction_RollsItBackFirst()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(temp.DatabasePath)!);
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        await using (var setup = await factory.OpenAsync(CancellationToken.None))
        {
            await setup.ExecuteAsync("CREATE TABLE t (x INTEGER);");
        }

        await using (var poisoned = await factory.OpenAsync(CancellationToken.None))
        {
            await poisoned.ExecuteAsync("BEGIN; INSERT INTO t VALUES (1);"); // never committed, as after a failed COMMIT
        }

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t;", transaction: transaction));
            await transaction.CommitAsync();
        }

        using var sync = factory.Open();
        using var syncTransaction = sync.BeginTransaction();
        syncTransaction.Commit();
    }

    [Fact]
    public async Task OpenWriteAsync_TurnHeldPastBusyTimeout_FailsAsBusyNamingTheKeyAndWorksOnceReleased()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(temp.DatabasePath)!);
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath, BusyTimeout = TimeSpan.FromMilliseconds(200) }));

        using (var holder = factory.OpenWrite())
        {
            var busy = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => factory.OpenWriteAsync(CancellationToken.None));
            Assert.Equal(5, busy.SqliteErrorCode);
            Assert.Contains("Storage:BusyTimeout", busy.Message, StringComparison.Ordinal);
        }

        await using var next = await factory.OpenWriteAsync(CancellationToken.None);
        await next.ExecuteAsync("CREATE TABLE t (x INTEGER);");
    }
}
