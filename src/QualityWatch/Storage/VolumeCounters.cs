using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>Hourly counts of every interaction, sampled or not.</summary>
internal static class VolumeCounters
{
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<VolumeKey, VolumeDelta> deltas)
    {
        const string sql =
            """
            INSERT INTO volume_hourly (stream, hour_start, prompt_version, model, received, duplicates, sampled)
            VALUES (@Stream, @HourStart, @PromptVersion, @Model, @Received, @Duplicates, @Sampled)
            ON CONFLICT (stream, hour_start, prompt_version, model) DO UPDATE SET
                received = received + excluded.received,
                duplicates = duplicates + excluded.duplicates,
                sampled = sampled + excluded.sampled;
            """;
        foreach (var (key, delta) in deltas)
        {
            connection.Execute(
                sql,
                new { key.Stream, key.HourStart, key.PromptVersion, key.Model, delta.Received, delta.Duplicates, delta.Sampled },
                transaction);
        }
    }
}
