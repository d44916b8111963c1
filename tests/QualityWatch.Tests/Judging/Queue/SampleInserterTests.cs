using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging.Queue;

/// <summary>The ingest writer's prepared sample insert stores exactly what the queue's own insert stores.</summary>
public sealed class SampleInserterTests : IDisposable
{
    private const string Columns =
        "stream, occurred_at, received_at, prompt, response, context, model, prompt_version, conversation_id, labels, usage, redactions, sample_reason, judge_tier, origin, status, attempts, updated_at";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static NewSample Sample(string id, bool optionals) => new(
        id, "support", 1_700_000_000_000, 1_700_000_001_000, "prompt [EMAIL_REDACTED]", "response", optionals ? "context" : null, optionals ? "gpt-4o-mini" : null,
        optionals ? "v7" : null, optionals ? "conv-1" : null, """{"dataset":"x"}""", optionals ? """{"prompt_tokens":3}""" : null, """{"email":1}""", "every_n",
        optionals ? "flex" : null);

    [Fact]
    public async Task Insert_ManySamplesInOneTransaction_StoresEachRowAsTheQueueInsertDoes_AndRefusesADuplicate()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        await new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        using (var connection = connections.OpenWrite())
        using (var transaction = connection.BeginTransaction())
        {
            using (var inserter = new SampleInserter(connection))
            {
                // Both shapes through one prepared command: a row with NULLs must not inherit the previous row's values.
                Assert.True(inserter.Insert(Sample("prepared-full", optionals: true)));
                Assert.True(inserter.Insert(Sample("prepared-nulls", optionals: false)));
                Assert.False(inserter.Insert(Sample("prepared-full", optionals: false)));
            }

            Assert.True(SampleQueue.Insert(connection, transaction, Sample("dapper-full", optionals: true)));
            Assert.True(SampleQueue.Insert(connection, transaction, Sample("dapper-nulls", optionals: false)));
            transaction.Commit();
        }

        using var read = Db.Open(temp.DatabasePath);
        string Row(string id) => string.Join('|', read.QuerySingle($"SELECT {Columns} FROM samples WHERE interaction_id = @id", new { id }) is IDictionary<string, object?> row
            ? row.Values.Select(v => v?.ToString() ?? "NULL")
            : []);

        Assert.Equal(Row("dapper-full"), Row("prepared-full"));
        Assert.Equal(Row("dapper-nulls"), Row("prepared-nulls"));
        Assert.Contains("NULL", Row("prepared-nulls"), StringComparison.Ordinal);
        Assert.Equal(4, read.ExecuteScalar<long>("SELECT count(*) FROM samples"));
    }
}
