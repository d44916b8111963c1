using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Trends;

/// <summary>
/// Deploy markers from the hourly rollups: the first sample of each prompt_version and model per stream.
/// A stream's first value of a dimension is its baseline, not a change.
/// </summary>
internal sealed class VersionChanges(SqliteConnectionFactory connections)
{
    /// <summary>Changes first seen in [from, to) (Unix ms), oldest first; <paramref name="stream"/> null = every stream.</summary>
    public async Task<IReadOnlyList<VersionChange>> BetweenAsync(string? stream, long from, long to, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT stream AS Stream, 'prompt_version' AS Dimension, prompt_version AS Value, MIN(first_seen) AS FirstSeen
            FROM trend_rollups WHERE granularity = 'hour' AND prompt_version <> '' AND (@stream IS NULL OR stream = @stream)
            GROUP BY stream, prompt_version
            UNION ALL
            SELECT stream, 'model', model, MIN(first_seen)
            FROM trend_rollups WHERE granularity = 'hour' AND model <> '' AND (@stream IS NULL OR stream = @stream)
            GROUP BY stream, model;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var firsts = await connection.QueryAsync<FirstRow>(sql, new { stream });
        var changes = new List<VersionChange>();
        foreach (var group in firsts.GroupBy(f => (f.Stream, f.Dimension)))
        {
            string? previous = null;
            foreach (var first in group.OrderBy(f => f.FirstSeen).ThenBy(f => f.Value, StringComparer.Ordinal))
            {
                if (previous is not null && first.FirstSeen >= from && first.FirstSeen < to)
                {
                    changes.Add(new VersionChange(first.Stream, first.Dimension, first.Value, previous, DateTimeOffset.FromUnixTimeMilliseconds(first.FirstSeen)));
                }

                previous = first.Value;
            }
        }

        return [.. changes.OrderBy(c => c.FirstSeen).ThenBy(c => c.Stream, StringComparer.Ordinal).ThenBy(c => c.Dimension, StringComparer.Ordinal)];
    }

    // A class: SQLite reports no column type for MIN over zero rows, and Dapper then cannot match a constructor.
    private sealed class FirstRow
    {
        public string Stream { get; set; } = "";
        public string Dimension { get; set; } = "";
        public string Value { get; set; } = "";
        public long FirstSeen { get; set; }
    }
}
