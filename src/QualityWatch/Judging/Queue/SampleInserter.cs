using Microsoft.Data.Sqlite;
using QualityWatch.Storage;

namespace QualityWatch.Judging.Queue;

/// <summary>
/// <see cref="SampleQueue.Insert"/> for the ingest writer's group commit: one statement, prepared on first use and
/// reused for every sample of the transaction with its parameters bound by index (<see cref="PreparedStatement"/>),
/// instead of a Dapper call that parses the statement and reflects over the sample again for each row.
/// </summary>
internal sealed class SampleInserter(SqliteConnection connection) : IDisposable
{
    private static readonly string[] Names =
    [
        "@InteractionId", "@Stream", "@OccurredAt", "@ReceivedAt", "@Prompt", "@Response", "@Context", "@Model",
        "@PromptVersion", "@ConversationId", "@Labels", "@Usage", "@Redactions", "@SampleReason", "@JudgeTier", "@Origin",
    ];

    private PreparedStatement? statement;
    private int[] at = [];

    /// <summary>Queues the sample as pending; false when a sample with that interaction id already exists.</summary>
    public bool Insert(NewSample sample)
    {
        var s = statement ??= Prepare();
        s.Bind(at[0], sample.InteractionId);
        s.Bind(at[1], sample.Stream);
        s.Bind(at[2], sample.OccurredAt);
        s.Bind(at[3], sample.ReceivedAt);
        s.Bind(at[4], sample.Prompt);
        s.Bind(at[5], sample.Response);
        s.Bind(at[6], sample.Context);
        s.Bind(at[7], sample.Model);
        s.Bind(at[8], sample.PromptVersion);
        s.Bind(at[9], sample.ConversationId);
        s.Bind(at[10], sample.Labels);
        s.Bind(at[11], sample.Usage);
        s.Bind(at[12], sample.Redactions);
        s.Bind(at[13], sample.SampleReason);
        s.Bind(at[14], sample.JudgeTier);
        s.Bind(at[15], sample.Origin);
        return s.Execute() == 1;
    }

    public void Dispose() => statement?.Dispose();

    private PreparedStatement Prepare()
    {
        var prepared = new PreparedStatement(connection, SampleQueue.InsertSql);
        at = [.. Names.Select(prepared.IndexOf)];
        return prepared;
    }
}
