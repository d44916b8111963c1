using Microsoft.Data.Sqlite;

namespace QualityWatch.Judging.Queue;

/// <summary>
/// <see cref="SampleQueue.Insert"/> for the ingest writer's group commit: one command, prepared on first use and
/// reused for every sample of the transaction, instead of a Dapper call that parses the statement and reflects
/// over the sample again for each row.
/// </summary>
internal sealed class SampleInserter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private SqliteCommand? command;

    /// <summary>Queues the sample as pending; false when a sample with that interaction id already exists.</summary>
    public bool Insert(NewSample sample)
    {
        command ??= Prepare();
        var p = command.Parameters;
        p[0].Value = sample.InteractionId;
        p[1].Value = sample.Stream;
        p[2].Value = sample.OccurredAt;
        p[3].Value = sample.ReceivedAt;
        p[4].Value = sample.Prompt;
        p[5].Value = sample.Response;
        p[6].Value = Nullable(sample.Context);
        p[7].Value = Nullable(sample.Model);
        p[8].Value = Nullable(sample.PromptVersion);
        p[9].Value = Nullable(sample.ConversationId);
        p[10].Value = sample.Labels;
        p[11].Value = Nullable(sample.Usage);
        p[12].Value = sample.Redactions;
        p[13].Value = sample.SampleReason;
        p[14].Value = Nullable(sample.JudgeTier);
        p[15].Value = sample.Origin;
        return command.ExecuteNonQuery() == 1;
    }

    public void Dispose() => command?.Dispose();

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private SqliteCommand Prepare()
    {
        var prepared = connection.CreateCommand();
        prepared.Transaction = transaction;
        prepared.CommandText = SampleQueue.InsertSql;
        foreach (var name in (string[])["@InteractionId", "@Stream", "@OccurredAt", "@ReceivedAt", "@Prompt", "@Response", "@Context", "@Model",
            "@PromptVersion", "@ConversationId", "@Labels", "@Usage", "@Redactions", "@SampleReason", "@JudgeTier", "@Origin"])
        {
            prepared.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        prepared.Prepare();
        return prepared;
    }
}
