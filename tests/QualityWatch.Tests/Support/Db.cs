using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Tests.Support;

/// <summary>Reads the service's SQLite file directly, as an operator would.</summary>
public static class Db
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static T Scalar<T>(string path, string sql, object? parameters = null)
    {
        using var connection = Open(path);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public static List<T> Query<T>(string path, string sql, object? parameters = null)
    {
        using var connection = Open(path);
        return [.. connection.Query<T>(sql, parameters)];
    }
}
