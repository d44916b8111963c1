using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Redaction;
using QualityWatch.Storage;

namespace QualityWatch.Reviews;

/// <summary>
/// Writes labels: one current row per sample and reviewer, a history row per version. The sample and its
/// newest verdict are read inside the same write transaction, so the verdict recorded is the one current
/// when the label was stored.
/// </summary>
internal sealed class ReviewStore(SqliteConnectionFactory connections, Redactor redactor, IdentifierRedactor identifiers, TimeProvider time, ILogger<ReviewStore> logger)
{
    private const string SampleSql =
        """
        SELECT s.interaction_id AS InteractionId, s.stream AS Stream, s.status AS Status, p.judged AS Judged,
               p.judge_model AS JudgeModel, p.rubric_version AS RubricVersion
        FROM samples s LEFT JOIN review_pool p ON p.interaction_id = s.interaction_id
        WHERE s.interaction_id = @id;
        """;

    private const string CurrentSql = $"SELECT {ReviewQueries.LabelColumns} FROM review_labels WHERE interaction_id = @InteractionId AND reviewer = @Reviewer;";

    private const string InsertSql =
        """
        INSERT INTO review_labels (interaction_id, reviewer, stream, hallucination, accuracy, tone, note, judged_hallucination, judge_model,
            rubric_version, version, created_at, updated_at)
        VALUES (@InteractionId, @Reviewer, @Stream, @Hallucination, @Accuracy, @Tone, @Note, @Judged, @JudgeModel, @RubricVersion, 1, @Now, @Now);
        """;

    private const string UpdateSql =
        """
        UPDATE review_labels SET hallucination = @Hallucination, accuracy = @Accuracy, tone = @Tone, note = @Note,
            judged_hallucination = @Judged, judge_model = @JudgeModel, rubric_version = @RubricVersion, version = version + 1, updated_at = @Now
        WHERE interaction_id = @InteractionId AND reviewer = @Reviewer;
        """;

    private const string HistorySql =
        """
        INSERT INTO review_label_history (interaction_id, reviewer, version, hallucination, accuracy, tone, note, judged_hallucination,
            judge_model, rubric_version, labelled_at)
        SELECT interaction_id, reviewer, version, hallucination, accuracy, tone, note, judged_hallucination, judge_model, rubric_version, updated_at
        FROM review_labels WHERE interaction_id = @InteractionId AND reviewer = @Reviewer;
        """;

    public async Task<SaveResult> SaveAsync(ReviewInput input, string reviewer, CancellationToken cancellationToken)
    {
        // The note is free text a person typed: it is redacted like the samples before it is stored.
        var answer = input with { Note = input.Note is null ? null : redactor.Redact(input.Note, new RedactionCounts()) };
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // The id as stored, or the id as sent: an id with PII is stored redacted.
        var sample = await FindAsync(connection, transaction, input.InteractionId)
            ?? await FindAsync(connection, transaction, identifiers.Redact(input.InteractionId));
        if (sample is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (sample.Judged is null)
        {
            return new SaveResult(SaveOutcome.NotJudged, SampleStatus: sample.Status);
        }

        var key = new { sample.InteractionId, Reviewer = reviewer };
        var current = await connection.QuerySingleOrDefaultAsync<LabelRow>(CurrentSql, key, transaction);
        if (current is not null && current.ToInput().SameAnswerAs(answer with { InteractionId = sample.InteractionId }))
        {
            return new SaveResult(SaveOutcome.Unchanged, current.ToView());
        }

        var row = new
        {
            sample.InteractionId,
            Reviewer = reviewer,
            sample.Stream,
            Hallucination = answer.Hallucination ? 1 : 0,
            answer.Accuracy,
            answer.Tone,
            answer.Note,
            sample.Judged,
            sample.JudgeModel,
            sample.RubricVersion,
            Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await connection.ExecuteAsync(current is null ? InsertSql : UpdateSql, row, transaction);
        await connection.ExecuteAsync(HistorySql, key, transaction);
        var saved = await connection.QuerySingleAsync<LabelRow>(CurrentSql, key, transaction);
        await transaction.CommitAsync(cancellationToken);

        Log.LabelSaved(logger, sample.InteractionId, reviewer, saved.Version);
        return new SaveResult(current is null ? SaveOutcome.Created : SaveOutcome.Updated, saved.ToView());
    }

    private static Task<SampleRow?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.QuerySingleOrDefaultAsync<SampleRow>(SampleSql, new { id }, transaction);

    private sealed record SampleRow(string InteractionId, string Stream, string Status, long? Judged, string? JudgeModel, string? RubricVersion);
}
