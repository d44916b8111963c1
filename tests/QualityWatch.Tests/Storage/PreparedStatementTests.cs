using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

/// <summary>
/// The ingest writer's statements bound by index: the same rows, and the same <see cref="SqliteException"/> codes (a full
/// disk, a constraint) that the writer's failure handling reads, as a <see cref="SqliteCommand"/> gives.
/// </summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly SqliteConnection connection;

    public PreparedStatementTests()
    {
        connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, "prepared.db")}");
        connection.Open();
        connection.Execute("CREATE TABLE t (id TEXT NOT NULL PRIMARY KEY, n INTEGER, note TEXT) WITHOUT ROWID;");
    }

    public void Dispose()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    [Fact]
    public void Execute_ReusedWithNewValues_StoresEachRowIncludingNullsAndReportsRowsChanged()
    {
        using (var insert = new PreparedStatement(connection, "INSERT OR IGNORE INTO t (id, n, note) VALUES ($id, $n, $note);"))
        {
            var (id, n, note) = (insert.IndexOf("$id"), insert.IndexOf("$n"), insert.IndexOf("$note"));
            insert.Bind(id, "a");
            insert.Bind(n, 1);
            insert.Bind(note, "first");
            Assert.Equal(1, insert.Execute());

            // A NULL must not keep the previous run's value.
            insert.Bind(id, "b");
            insert.Bind(n, 2);
            insert.Bind(note, null);
            Assert.Equal(1, insert.Execute());

            insert.Bind(id, "a");
            Assert.Equal(0, insert.Execute());
        }

        string[] expected = ["a|1|first", "b|2|NULL"];
        var rows = connection.Query<(string Id, long N, string? Note)>("SELECT id, n, note FROM t ORDER BY id").Select(r => $"{r.Id}|{r.N}|{r.Note ?? "NULL"}");
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void IndexOf_NameUsedTwice_IsOneIndex_AndAnUnknownNameIsRefused()
    {
        using var select = new PreparedStatement(connection, "SELECT $x + $x + $y;");

        Assert.Equal(1, select.IndexOf("$x"));
        Assert.Equal(2, select.IndexOf("$y"));
        Assert.Throws<ArgumentException>(() => select.IndexOf("$z"));
        select.Bind(1, 20);
        select.Bind(2, 2);
        Assert.Equal(42, select.ExecuteInt64());
        Assert.Equal(42, select.ExecuteInt64());
    }

    [Fact]
    public void Execute_ConstraintViolation_ThrowsSqliteExceptionWithItsCode_AndTheStatementRunsAgain()
    {
        using var insert = new PreparedStatement(connection, "INSERT INTO t (id) VALUES ($id);");
        insert.Bind(1, "same");
        insert.Execute();

        var ex = Assert.Throws<SqliteException>(() => insert.Execute());

        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
        insert.Bind(1, "other");
        Assert.Equal(1, insert.Execute());
    }

    [Fact]
    public void Execute_DatabaseFull_ThrowsSqliteFull_AsACommandWould()
    {
        connection.Execute("PRAGMA max_page_count = 8;");
        using var insert = new PreparedStatement(connection, "INSERT INTO t (id, note) VALUES ($id, $note);");
        insert.Bind(2, new string('x', 2000));

        var ex = Assert.Throws<SqliteException>(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                insert.Bind(1, $"row-{i}");
                insert.Execute();
            }
        });

        Assert.Equal(13, ex.SqliteErrorCode); // SQLITE_FULL
    }

    [Fact]
    public void Constructor_InvalidSql_ThrowsSqliteException()
    {
        var ex = Assert.Throws<SqliteException>(() => new PreparedStatement(connection, "INSERT INTO missing_table VALUES ($id);"));

        Assert.Contains("missing_table", ex.Message, StringComparison.Ordinal);
    }
}
