using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>The sample queue table: sampled, redacted interactions and their judge state.</summary>
public static class SampleStore
{
    /// <summary>Queues a sample as pending; false when a sample with that interaction id already exists.</summary>
    public static bool Insert(SqliteConnection connection, SqliteTransaction transaction, NewSample sample)
    {
        const string sql =
            """
            INSERT OR IGNORE INTO samples
                (interaction_id, stream, occurred_at, received_at, prompt, response, context, model, prompt_version,
                 conversation_id, labels, usage, redactions, sample_reason, judge_tier, origin, status, attempts, updated_at)
            VALUES
                (@InteractionId, @Stream, @OccurredAt, @ReceivedAt, @Prompt, @Response, @Context, @Model, @PromptVersion,
                 @ConversationId, @Labels, @Usage, @Redactions, @SampleReason, @JudgeTier, @Origin, 'pending', 0, @ReceivedAt);
            """;
        return connection.Execute(sql, sample, transaction) == 1;
    }
}
