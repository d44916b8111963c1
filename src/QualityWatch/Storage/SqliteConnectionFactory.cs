using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace QualityWatch.Storage;

/// <summary>
/// The one place that knows how to open the database: a connection per operation, each with
/// the same per-connection pragmas (busy timeout, foreign keys, synchronous level).
/// </summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string connectionString;
    private readonly string pragmas;
    private readonly SqliteWriteTurn writeTurn;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        DatabasePath = Path.GetFullPath(storage.DatabasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(storage.BusyTimeout.TotalSeconds),
        }.ToString();

        writeTurn = new SqliteWriteTurn(storage.BusyTimeout);
        var synchronous = storage.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)storage.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous};");
    }

    /// <summary>
    /// Statements run on every open after the pragmas. Tests cap the file with <c>PRAGMA max_page_count</c>,
    /// which fails writes with SQLITE_FULL as a full disk does, without root or a small mount.
    /// </summary>
    internal string? ExtraPragmas { get; set; }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens synchronously (SQLite I/O is synchronous anyway), for reads.</summary>
    public SqliteConnection Open() => Prepared(new SqliteConnection(connectionString));

    /// <summary>
    /// Opens a connection to write with: it first waits (up to <c>Storage:BusyTimeout</c>) for this process's write
    /// turn and holds it until disposed. Synchronous, for the ingest writer's own loop.
    /// </summary>
    public SqliteConnection OpenWrite()
    {
        writeTurn.Wait();
        return Prepared(new WriterConnection(connectionString, writeTurn));
    }

    /// <summary>As <see cref="OpenWrite"/>, waiting for the turn without blocking a thread.</summary>
    public async Task<SqliteConnection> OpenWriteAsync(CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        return await PreparedAsync(new WriterConnection(connectionString, writeTurn), cancellationToken);
    }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => PreparedAsync(new SqliteConnection(connectionString), cancellationToken);

    // On failure the connection is disposed, which gives a writer's turn back.
    private SqliteConnection Prepared(SqliteConnection connection)
    {
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Prepare(connection);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pragmas, after a ROLLBACK when the pooled connection comes back inside a transaction: a COMMIT that
    /// failed (SQLITE_BUSY under load) leaves SQLite's transaction open, and every later user of that pooled
    /// connection would fail with "cannot start a transaction within a transaction".
    /// </summary>
    private string Prepare(SqliteConnection connection) =>
        (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0 ? "ROLLBACK; " + pragmas : pragmas) + ExtraPragmas;

    private async Task<SqliteConnection> PreparedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = Prepare(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
