using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Evidence;

/// <summary>
/// The console's filtered sample list, newest first. Ordered by occurred_at so ix_samples_occurred_at or
/// ix_samples_stream_time (or ix_samples_stream_version_time) walks the newest rows and stops at the limit.
/// </summary>
internal sealed class SampleSearch(SqliteConnectionFactory connections)
{
    // The newest verdict per sample: the (interaction_id, rubric_version) primary key makes this a short probe.
    private const string Sql =
        """
        SELECT * FROM (
            SELECT s.interaction_id AS InteractionId, s.stream AS Stream, s.status AS Status, s.sample_reason AS SampleReason,
                   s.prompt_version AS PromptVersion, s.model AS Model, s.occurred_at AS OccurredAt,
                   (SELECT v.hallucination FROM verdicts v WHERE v.interaction_id = s.interaction_id ORDER BY v.judged_at DESC LIMIT 1) AS Hallucination,
                   (SELECT v.accuracy FROM verdicts v WHERE v.interaction_id = s.interaction_id ORDER BY v.judged_at DESC LIMIT 1) AS Accuracy,
                   (SELECT v.tone FROM verdicts v WHERE v.interaction_id = s.interaction_id ORDER BY v.judged_at DESC LIMIT 1) AS Tone
            FROM samples s
            WHERE (@Stream IS NULL OR s.stream = @Stream)
              AND (@PromptVersion IS NULL OR s.prompt_version = @PromptVersion)
              AND (@Model IS NULL OR s.model = @Model)
              AND (@Status IS NULL OR s.status = @Status)
              AND (@From IS NULL OR s.occurred_at >= @From)
              AND (@Before IS NULL OR s.occurred_at < @Before)
            ORDER BY s.occurred_at DESC
        )
        WHERE (@Hallucination IS NULL OR Hallucination = @Hallucination)
          AND (@MaxAccuracy IS NULL OR Accuracy <= @MaxAccuracy)
        LIMIT @Limit;
        """;

    public async Task<IReadOnlyList<SampleListItem>> FindAsync(SampleFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
        {
            filter.Stream,
            filter.PromptVersion,
            filter.Model,
            filter.Status,
            Hallucination = filter.Hallucination is { } h ? (h ? 1 : 0) : (int?)null,
            filter.MaxAccuracy,
            From = filter.From?.ToUnixTimeMilliseconds(),
            Before = filter.Before?.ToUnixTimeMilliseconds(),
            filter.Limit,
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SampleListItem(
            r.InteractionId, r.Stream, r.Status, r.SampleReason, r.PromptVersion, r.Model, DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAt),
            r.Hallucination is { } x ? x == 1 : null, (int?)r.Accuracy, (int?)r.Tone))];
    }

    /// <summary>The streams there are samples of, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> StreamsAsync(CancellationToken cancellationToken)
    {
        // Loose index scan over ix_samples_stream_time: one probe per distinct stream.
        const string sql = "SELECT DISTINCT stream FROM samples ORDER BY stream;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }

    private sealed class Row
    {
        public string InteractionId { get; set; } = "";
        public string Stream { get; set; } = "";
        public string Status { get; set; } = "";
        public string SampleReason { get; set; } = "";
        public string? PromptVersion { get; set; }
        public string? Model { get; set; }
        public long OccurredAt { get; set; }
        public long? Hallucination { get; set; }
        public long? Accuracy { get; set; }
        public long? Tone { get; set; }
    }
}
