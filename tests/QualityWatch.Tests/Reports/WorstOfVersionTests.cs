using Dapper;
using QualityWatch.Judging;
using QualityWatch.Reports;
using QualityWatch.Tests.Support;
using QualityWatch.Tests.Trends;

namespace QualityWatch.Tests.Reports;

/// <summary>
/// The deploy view's worst examples of a prompt_version or model: read in order from version_verdicts' indexes (no sort
/// of the version's verdicts), and kept right by its triggers when a verdict is added, changed or deleted.
/// </summary>
public sealed class WorstOfVersionTests
{
    [Theory]
    [InlineData(ReportQueries.WorstOfPromptVersionSql)]
    [InlineData(ReportQueries.WorstOfModelSql)]
    public async Task Plan_ReadsTheVersionsRowsInOrderThroughAnIndex_WithoutSorting(string sql)
    {
        using var db = await TrendsDb.CreateAsync();
        using var connection = Db.Open(db.DatabasePath);

        var plan = string.Join('\n', connection.Query("EXPLAIN QUERY PLAN " + sql, new { stream = "support", value = "p1", rubric = Rubric.DefaultVersion, limit = 3 })
            .Select(row => (string)row.detail));

        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Contains("USING COVERING INDEX ix_version_verdicts_", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worst_HallucinatedFirstThenLowestAccuracyThenNewest_FollowsChangedAndDeletedVerdicts()
    {
        using var db = await TrendsDb.CreateAsync();
        var reports = new ReportQueries(db.Connections, new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion));
        db.Sample("clean-1", "2026-03-10T10:00:00Z");
        db.Verdict("clean-1", accuracy: 1, tone: 4, hallucination: false, judgedAt: "2026-03-10T10:01:00Z");
        db.Sample("made-up-old", "2026-03-10T10:05:00Z");
        db.Verdict("made-up-old", accuracy: 3, tone: 4, hallucination: true, judgedAt: "2026-03-10T10:06:00Z");
        db.Sample("made-up-new", "2026-03-10T10:10:00Z");
        db.Verdict("made-up-new", accuracy: 3, tone: 4, hallucination: true, judgedAt: "2026-03-10T10:11:00Z");
        db.Sample("other-model", "2026-03-10T10:15:00Z", promptVersion: "p2", model: "m2");
        db.Verdict("other-model", accuracy: 1, tone: 1, hallucination: true, judgedAt: "2026-03-10T10:16:00Z");
        db.Sample("old-rubric", "2026-03-10T10:20:00Z");
        db.Verdict("old-rubric", accuracy: 1, tone: 1, hallucination: true, judgedAt: "2026-03-10T10:21:00Z", rubric: "v0");

        Assert.Equal(["made-up-new", "made-up-old", "clean-1"], await IdsAsync(reports, byModel: false, "p1"));
        Assert.Equal(["made-up-new", "made-up-old", "clean-1"], await IdsAsync(reports, byModel: true, "m1"));
        Assert.Equal(["other-model"], await IdsAsync(reports, byModel: true, "m2"));

        using (var connection = Db.Open(db.DatabasePath))
        {
            connection.Execute("UPDATE verdicts SET hallucination = 1, accuracy = 2 WHERE interaction_id = 'clean-1';");
            connection.Execute("DELETE FROM verdicts WHERE interaction_id = 'made-up-new';");
        }

        Assert.Equal(["clean-1", "made-up-old"], await IdsAsync(reports, byModel: false, "p1"));
    }

    private static async Task<List<string>> IdsAsync(ReportQueries reports, bool byModel, string value) =>
        [.. (await reports.WorstOfVersionAsync("support", byModel, value, 3, CancellationToken.None)).Select(w => w.InteractionId)];
}
