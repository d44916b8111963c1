using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Incidents;

/// <summary>Silences in SQLite; a deleted one is kept (with who deleted it) for the record.</summary>
internal sealed class SilenceStore(SqliteConnectionFactory connections)
{
    public async Task CreateAsync(Silence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        const string sql =
            """
            INSERT INTO silences (id, stream, prompt_version, model, starts_at, ends_at, created_by, reason, created_at)
            VALUES (@Id, @Stream, @PromptVersion, @Model, @StartsAt, @EndsAt, @CreatedBy, @Reason, @CreatedAt);
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            silence.Id,
            silence.Stream,
            silence.PromptVersion,
            silence.Model,
            StartsAt = silence.StartsAt.ToUnixTimeMilliseconds(),
            EndsAt = silence.EndsAt.ToUnixTimeMilliseconds(),
            silence.CreatedBy,
            silence.Reason,
            CreatedAt = silence.CreatedAt.ToUnixTimeMilliseconds(),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Silences not deleted and not yet ended at <paramref name="now"/> (including future ones); with <paramref name="all"/>, every one.</summary>
    public async Task<IReadOnlyList<Silence>> ListAsync(DateTimeOffset now, bool all, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SilenceRow.Columns + " FROM silences WHERE @All = 1 OR (deleted_at IS NULL AND ends_at > @Now) ORDER BY created_at DESC, id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SilenceRow>(new CommandDefinition(sql, new { Now = now.ToUnixTimeMilliseconds(), All = all ? 1 : 0 }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSilence())];
    }

    /// <summary>Marks the silence deleted; false when there is none with the id or it was deleted already.</summary>
    public async Task<bool> DeleteAsync(string id, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE silences SET deleted_at = @Now, deleted_by = @By WHERE id = @Id AND deleted_at IS NULL;";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, By = by, Now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The first silence active at <paramref name="now"/> that matches the incident, if any.</summary>
    public async Task<Silence?> MatchingAsync(Incident incident, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ListAsync(now, all: false, cancellationToken)).FirstOrDefault(s => s.ActiveAt(now) && s.Matches(incident));
}
