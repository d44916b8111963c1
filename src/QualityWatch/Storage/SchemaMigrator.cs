using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// Applies the numbered <c>Migrations/NNNN_name.sql</c> resources in order, each in its own
/// transaction, and refuses a database written by a newer QualityWatch.
/// </summary>
internal sealed class SchemaMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>The migrations this build knows, ordered by version.</summary>
    public static IReadOnlyList<Migration> Known { get; } = LoadMigrations();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(connections.DatabasePath)!);
        await using var connection = await connections.OpenAsync(cancellationToken);

        // WAL is a property of the file: readers never block the single writer.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at INTEGER NOT NULL
            );
            """);

        var current = await connection.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version;") ?? 0;
        var latest = Known.Count == 0 ? 0 : Known[^1].Version;
        if (current > latest)
        {
            throw new StorageException(
                $"The database '{connections.DatabasePath}' has schema version {current}, but this QualityWatch build " +
                $"supports up to {latest}. It was written by a newer QualityWatch: upgrade, or point Storage:DatabasePath at another file.");
        }

        foreach (var migration in Known.Where(m => m.Version > current))
        {
            await ApplyAsync(connection, migration, cancellationToken);
            Log.MigrationApplied(logger, migration.Version, migration.Name);
        }

        Log.SchemaReady(logger, connections.DatabasePath, latest);
    }

    private async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(migration.Sql, transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
            new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]);
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName[..separator], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }
}
