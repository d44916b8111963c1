using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging.Queue;

/// <summary>A sample status is spelt in one place, <see cref="SampleStatuses"/>, and that spelling is the one the schema takes.</summary>
public sealed partial class StatusLiteralTests
{
    private const string Home = "src/QualityWatch/Judging/Queue/SampleStatuses.cs";

    // Files whose SQL compares the statuses of other tables, which happen to share words with the queue's.
    private static readonly Dictionary<string, string> OtherStatusSets = new(StringComparer.Ordinal)
    {
        ["src/QualityWatch/Notifications/NotificationStore.cs"] = "notification_deliveries.status: pending / sent / failed",
        ["src/QualityWatch/Alerting/AlertStore.cs"] = "alert_instances.state: inactive / pending / firing / resolved",
    };

    [Fact]
    public void SampleStatusLiterals_InSql_OnlyInTheQueuesHome()
    {
        var root = RepoRoot.Path;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "QualityWatch"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => f != Home && !OtherStatusSets.ContainsKey(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StatusLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Name sample statuses through SampleStatuses (e.g. '{SampleStatuses.Pending}' in $\"\"\"...\"\"\"), not as raw SQL literals:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void SampleStatusLiterals_TheScanSeesThem()
    {
        // The scan above finds nothing only because nothing is there, not because its pattern is blind.
        Assert.Matches(StatusLiteral(), "WHERE status IN ('pending', 'leased')");
        Assert.Matches(StatusLiteral(), "SET status = 'done'");
        Assert.DoesNotMatch(StatusLiteral(), "SET status = '{SampleStatuses.Done}'");
    }

    [Fact]
    public async Task SampleStatus_EveryValue_IsATextTheSchemaAccepts()
    {
        using var temp = new TempDirectory();
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        await new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, labels, redactions, sample_reason, updated_at)
            VALUES ('s1', 'default', 0, 0, 'p', 'r', '{}', '{}', 'every_n', 0);
            """);

        foreach (var status in Enum.GetValues<SampleStatus>())
        {
            var text = status.ToText();
            Assert.Equal(status, SampleStatuses.Parse(text));
            await connection.ExecuteAsync("INSERT INTO backfill_work (interaction_id, rubric_version, status, updated_at) VALUES ('s1', @text, @text, 0);", new { text });
            if (status != SampleStatus.Batched)
            {
                await connection.ExecuteAsync("UPDATE samples SET status = @text WHERE interaction_id = 's1';", new { text });
            }
        }

        Assert.Equal(Enum.GetValues<SampleStatus>().Length, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM backfill_work;"));
    }

    [GeneratedRegex(@"'(pending|leased|batched|done|failed)'")]
    private static partial Regex StatusLiteral();
}
