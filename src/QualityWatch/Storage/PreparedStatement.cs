using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityWatch.Storage;

/// <summary>
/// A statement prepared once on an open connection and run many times with its parameters bound by index, straight
/// through SQLitePCL. The ingest writer runs its dedup and sample inserts once per interaction; through
/// <see cref="SqliteCommand"/> every run looks each named parameter up by name and allocates a data reader, which cost
/// about as much as the insert itself (bench/RESULTS.md, "Ingest profile"). Runs in the connection's open transaction,
/// like any statement on it. Errors surface as <see cref="SqliteException"/>, as from a command.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    /// <summary>The index to bind <paramref name="name"/> (with its prefix, e.g. <c>$id</c>) at; a name used twice in the SQL is one index.</summary>
    public int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    /// <summary>Runs a statement that returns no rows; returns the rows it inserted, updated or deleted.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc);
            }

            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Runs a statement whose first row's first column is an integer, and returns it.</summary>
    public long ExecuteInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                Check(rc == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : rc);
            }

            return raw.sqlite3_column_int64(statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}
